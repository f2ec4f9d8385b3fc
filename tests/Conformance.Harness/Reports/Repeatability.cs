using System.Globalization;
using System.Text;

namespace Conformance.Harness.Reports;

/// <summary>
/// Repeated runs of the same selection on the same target, compared scenario by scenario: a scenario <em>changed</em> when
/// its status or its trace (<see cref="ScenarioResult.TraceHash"/>) is not the same in every run, or when it is missing
/// from some runs. Pass or fail does not matter here, only sameness: a scenario that fails identically every time is
/// repeatable. Used by <c>run-conformance.ps1 -Repeat N</c> through <c>Conformance.Cli repeatability</c>.
/// </summary>
public static class Repeatability
{
    /// <summary>What one scenario did in one run; <see cref="Absent"/> when the run has no result for it.</summary>
    public sealed record Observation(string Status, string? TraceHash, int TraceLines, IReadOnlyList<string>? Trace)
    {
        public static readonly Observation Absent = new("(absent)", null, 0, null);

        public bool SameAs(Observation other) => Status == other.Status && TraceHash == other.TraceHash;

        public override string ToString() =>
            ReferenceEquals(this, Absent) || Status == Absent.Status
                ? "no result"
                : $"{Status} {ShortHash(TraceHash)} ({TraceLines} trace line{(TraceLines == 1 ? "" : "s")})";
    }

    /// <summary>One distinct observation of a changed scenario and the runs (1-based) that saw it.</summary>
    public sealed record Variant(Observation Observation, IReadOnlyList<int> Runs);

    /// <summary>A scenario whose status or trace was not the same in every run.</summary>
    public sealed record ScenarioChange(string Id, string Name, IReadOnlyList<Variant> Variants)
    {
        /// <summary>Where the first two variants' traces first differ, when both traces were journalled; else null.</summary>
        public string? FirstDifference()
        {
            var withTrace = Variants.Select(v => v.Observation).Where(o => o.Trace is not null).Take(2).ToArray();
            if (withTrace.Length < 2) return null;
            var (a, b) = (withTrace[0].Trace!, withTrace[1].Trace!);
            for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
            {
                var left = i < a.Count ? a[i] : null;
                var right = i < b.Count ? b[i] : null;
                if (left != right)
                    return $"first difference at trace line {i + 1}: {Quote(left)} vs {Quote(right)}";
            }
            return null;
        }
    }

    /// <summary>The comparison for one target over <see cref="Runs"/> runs.</summary>
    public sealed record TargetReport(string Target, int Runs, int Scenarios, IReadOnlyList<ScenarioChange> Changed)
    {
        public string Headline => $"repeatability: {Target} {Runs} runs, {Changed.Count} scenarios changed";
    }

    /// <summary>
    /// Compares runs given as their results (one list per run, in run order). Results are grouped by target; each target's
    /// run count is the number of runs that have any result for it.
    /// </summary>
    public static IReadOnlyList<TargetReport> Compare(IReadOnlyList<IReadOnlyList<ScenarioResult>> runs)
    {
        var targets = runs.SelectMany(r => r).Select(r => r.Target).Distinct(StringComparer.Ordinal).ToArray();
        var reports = new List<TargetReport>();
        foreach (var target in targets)
        {
            // A scenario twice in one run (should not happen) counts once: the later result wins, as in the matrix.
            var perRun = runs
                .Select(run => run.Where(r => r.Target == target)
                    .GroupBy(r => (r.Id, r.Name))
                    .ToDictionary(g => g.Key, g => g.Last()))
                .Where(byKey => byKey.Count > 0)
                .ToArray();
            var keys = perRun.SelectMany(d => d.Keys).Distinct().OrderBy(k => k.Id, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal).ToArray();
            var changed = new List<ScenarioChange>();
            foreach (var key in keys)
            {
                var observations = perRun
                    .Select(d => d.TryGetValue(key, out var r) ? new Observation(r.Status, r.TraceHash, r.TraceLines, r.Trace) : Observation.Absent)
                    .ToArray();
                var variants = new List<(Observation Observation, List<int> Runs)>();
                for (var i = 0; i < observations.Length; i++)
                {
                    var existing = variants.FindIndex(v => v.Observation.SameAs(observations[i]));
                    if (existing < 0) variants.Add((observations[i], [i + 1]));
                    else variants[existing].Runs.Add(i + 1);
                }
                if (variants.Count > 1)
                    changed.Add(new ScenarioChange(key.Id, key.Name, [.. variants.Select(v => new Variant(v.Observation, v.Runs))]));
            }
            reports.Add(new TargetReport(target, perRun.Length, keys.Length, changed));
        }
        return reports;
    }

    /// <summary>Reads each folder's (or file's) results.jsonl, in order. Every result must carry a trace hash.</summary>
    public static IReadOnlyList<IReadOnlyList<ScenarioResult>> Load(IEnumerable<string> runDirectoriesOrFiles)
    {
        var runs = new List<IReadOnlyList<ScenarioResult>>();
        foreach (var input in runDirectoriesOrFiles)
        {
            var path = Directory.Exists(input) ? Path.Combine(input, ResultsJournal.FileName) : input;
            if (!File.Exists(path)) throw new FileNotFoundException($"no {ResultsJournal.FileName} at {path}", path);
            var results = ScenarioResult.ReadAll(path);
            if (results.FirstOrDefault(r => r.TraceHash is null) is { } old)
                throw new InvalidDataException($"{path}: the result of {old.Id} has no traceHash (written by an older harness); run again");
            runs.Add(results);
        }
        return runs;
    }

    /// <summary>The report as text: per target the headline, then each changed scenario with its variants.</summary>
    public static string Render(IReadOnlyList<TargetReport> reports)
    {
        var text = new StringBuilder();
        foreach (var report in reports)
        {
            text.Append(report.Headline).Append(CultureInfo.InvariantCulture, $" (of {report.Scenarios} scenarios)").Append('\n');
            foreach (var change in report.Changed)
            {
                text.Append("  CHANGED ").Append(change.Id).Append("  (").Append(change.Name).Append(")\n");
                foreach (var variant in change.Variants)
                    text.Append("    ").Append(variant.Runs.Count == 1 ? "run " : "runs ").Append(Ranges(variant.Runs)).Append(": ").Append(variant.Observation).Append('\n');
                if (change.FirstDifference() is { } difference) text.Append("    ").Append(difference).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>1,2,3,5 → "1-3,5".</summary>
    public static string Ranges(IReadOnlyList<int> runs)
    {
        var parts = new List<string>();
        for (var i = 0; i < runs.Count;)
        {
            var j = i;
            while (j + 1 < runs.Count && runs[j + 1] == runs[j] + 1) j++;
            parts.Add(j == i ? runs[i].ToString(CultureInfo.InvariantCulture) : $"{runs[i]}-{runs[j]}");
            i = j + 1;
        }
        return string.Join(",", parts);
    }

    private static string ShortHash(string? hash) => hash is null ? "(no hash)" : hash.Length > 19 ? hash[..19] : hash;

    private static string Quote(string? line) => line is null ? "(no line)" : "\"" + (line.Length > 120 ? line[..120] + "..." : line) + "\"";
}
