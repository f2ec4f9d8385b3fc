using System.Text;
using Conformance.Harness.Execution;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Harness.Tests.Hostile;

/// <summary>
/// A features folder of hostile and broken scenarios beside one good one, written into a temp folder, and a run of all of
/// them through the real <see cref="ConformanceRun"/> (executor, judge, snapshot store, journal) on a real target, row by
/// row as the xunit row runner does it (pre-check, compile, execute, record). Every scenario is recorded, whatever the
/// others do; the results are read back from results.jsonl.
/// </summary>
internal sealed class HostileSuite : IDisposable
{
    public const string Good = "hostile/good/a-good-scenario-still-passes";

    private readonly TempDirectory _temp = new();
    private readonly StringBuilder _feature = new("@ALS-RUN-1\nFeature: Hostile and broken input\n\n");
    private readonly Dictionary<string, byte[]> _verifiedBefore = new(StringComparer.Ordinal);

    public string FeaturesRoot => _temp.File("features");
    public string ReportDirectory => _temp.File("report");

    /// <summary>Adds a scenario to features/hostile/&lt;feature&gt;.feature; <paramref name="verified"/> is written as bytes when given.</summary>
    public HostileSuite Scenario(string feature, string name, string program, byte[]? verified = null, string act = "the test handler runs")
    {
        var text = new StringBuilder($"  @documented\n  Scenario: {name}\n    Given the worker program:\n      \"\"\"js\n");
        foreach (var line in program.Split('\n')) text.Append("      ").Append(line).Append('\n');
        text.Append("      \"\"\"\n").Append($"    When {act}\n    Then the trace matches the verified snapshot\n\n");
        Append(feature, text.ToString());
        if (verified is not null)
        {
            var path = Path.Combine(FeaturesRoot, "hostile", $"{feature}.{ScenarioSlug.From(name)}.verified.txt");
            File.WriteAllBytes(path, verified);
        }
        return this;
    }

    /// <summary>Adds raw text (a broken scenario) to a feature file.</summary>
    public HostileSuite Raw(string feature, string text)
    {
        Append(feature, text);
        return this;
    }

    private void Append(string feature, string text)
    {
        var path = Path.Combine(FeaturesRoot, "hostile", feature + ".feature");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path)) File.WriteAllText(path, $"@ALS-RUN-1\nFeature: Hostile input: {feature}\n\n");
        File.AppendAllText(path, text);
    }

    public static byte[] Lf(params string[] lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    /// <summary>The good scenario every run must still pass, whatever its neighbours do.</summary>
    public HostileSuite WithGoodScenario() => Scenario("good", "a good scenario still passes", """
        import { AsyncLocalStorage } from 'node:async_hooks';
        const als = new AsyncLocalStorage();
        export default { async test() { console.log(als.run(42, () => als.getStore())); } };
        """, Lf("log: 42", "end", Conformance.Harness.Targets.ExitLine.Ok));

    /// <summary>Runs every row on <paramref name="target"/> and returns the journalled results by scenario id.</summary>
    public async Task<IReadOnlyDictionary<string, ScenarioResult>> RunAsync(ITarget target, TimeSpan timeout)
    {
        RememberVerified();
        var settings = new ConformanceSettings
        {
            RepositoryRoot = RepositoryRoot.Find(),
            TargetName = target.Name,
            ReportDirectory = ReportDirectory,
            FeaturesRoot = FeaturesRoot,
            ExpectationsFile = _temp.File("no-expectations.txt"),
            Timeout = timeout,
        };
        await using var run = new ConformanceRun(settings, _ => (target, null));
        run.Prefetch(run.Catalog.Entries.Select(e => e.Key));
        foreach (var entry in run.Catalog.Entries)
        {
            run.Record(entry, await run.OutcomeAsync(entry));
        }
        run.WriteSummary();
        return ScenarioResult.ReadAll(Path.Combine(ReportDirectory, ResultsJournal.FileName))
            .GroupBy(r => r.Id)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    private void RememberVerified()
    {
        _verifiedBefore.Clear();
        foreach (var path in VerifiedFiles()) _verifiedBefore[path] = File.ReadAllBytes(path);
    }

    private IEnumerable<string> VerifiedFiles() =>
        Directory.Exists(FeaturesRoot) ? Directory.EnumerateFiles(FeaturesRoot, "*.verified.txt", SearchOption.AllDirectories) : [];

    /// <summary>No verified snapshot was created, removed or changed by the run (byte for byte).</summary>
    public void AssertVerifiedFilesUntouched()
    {
        var now = VerifiedFiles().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(_verifiedBefore.Keys.Order(StringComparer.Ordinal), now);
        foreach (var path in now) Assert.True(_verifiedBefore[path].SequenceEqual(File.ReadAllBytes(path)), $"{path} was rewritten");
    }

    /// <summary>Received files go under the report folder, never beside the verified file (spec/trace-format.md, "Snapshots").</summary>
    public string ReceivedPathOf(string feature, string name) =>
        Path.Combine(ReportDirectory, "received", "hostile", $"{feature}.{ScenarioSlug.From(name)}.received.txt");

    public void Dispose() => _temp.Dispose();
}

/// <summary>Asserting on journalled results with the detail shown when the status is not the one expected.</summary>
internal static class ResultAssert
{
    public static ScenarioResult Status(IReadOnlyDictionary<string, ScenarioResult> results, string id, string status)
    {
        Assert.True(results.TryGetValue(id, out var result), $"no result for {id}; results: {string.Join(", ", results.Keys)}");
        Assert.True(result!.Status == status, $"{id}: expected {status}, got {result.Status}: {result.Detail}");
        return result;
    }
}
