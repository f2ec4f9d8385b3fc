using System.Text.Json;
using Conformance.Harness.Expectations;
using Conformance.Harness.Features;
using Conformance.Harness.Reports;
using Conformance.Harness.Snapshots;

namespace Harness.Tests.Scenarios;

/// <summary>
/// Issue 17, item 3: one verdict per row, the same in Reqnroll's Cucumber NDJSON as in results.jsonl (which the console, the
/// site, JUnit's and xunit's results and the exit code follow). The real Conformance.Specs assembly runs the fixture features
/// on the reference target with a known-failure list holding a known FAIL (its snapshot altered here), a known ERROR (a row
/// problem), a line for a row that passes and one for a row with an undefined step; every row of results.jsonl that has a pickle must then be a Cucumber test case
/// whose status is PASSED for a pass, SKIPPED carrying the list's reason for a known failure, and FAILED (or UNDEFINED, for a
/// step no definition matches) with the verdict's message for anything unexpected.
/// </summary>
public sealed class CucumberVerdictAgreementTests : IDisposable
{
    private const string KnownFail = "basics/run/run-returns-the-callback-s-value";
    private const string KnownError = "basics/problems/a-scenario-without-a-profile";
    private const string ListedButPasses = "basics/run/a-top-level-throw-is-a-load-error";
    private const string ListedUndefined = "basics/problems/an-unknown-step";
    private const string FailReason = "fixture: its snapshot is altered to pin a known FAIL";
    private const string ErrorReason = "fixture: a row problem pinned as a known ERROR";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Cucumber's order of step results, least to most severe: a test case has the status of its worst step.</summary>
    private static readonly string[] Severity = ["UNKNOWN", "PASSED", "SKIPPED", "PENDING", "UNDEFINED", "AMBIGUOUS", "FAILED"];

    [Fact]
    public async Task Every_row_has_the_same_verdict_in_the_cucumber_ndjson_as_in_results_jsonl()
    {
        var verified = Path.Combine(Fixtures.FeaturesSource, "basics", "run.run-returns-the-callback-s-value.verified.txt");
        var trace = TraceText.Read(verified);
        var list = _temp.File(SpecsAssembly.ExpectationsFile);
        File.WriteAllLines(list, [
            $"{KnownFail} | FAIL {TraceDigest.Of(trace)} | {FailReason}",
            $"{KnownError} | ERROR | {ErrorReason}",
            $"{ListedButPasses} | CRASH | fixture: listed, but it passes",
            $"{ListedUndefined} | ERROR | fixture: a step no definition matches, listed",
        ]);
        var pinned = KnownFailureList.TracePath(KnownFailureList.TraceFolderFor(list), KnownFail);
        Directory.CreateDirectory(Path.GetDirectoryName(pinned)!);
        TraceText.Write(pinned, trace);

        var (report, output, exitCode) = await SpecsAssembly.RunOnFixturesAsync(_temp, features =>
            TraceText.Write(Path.Combine(features, "basics", Path.GetFileName(verified)), ["log: 43", "end", "exit: ok"]));

        var results = ScenarioResult.ReadAll(Path.Combine(report, ResultsJournal.FileName));
        var cases = CaseResults(Path.Combine(report, "cucumber-messages.ndjson"));
        var entries = FeatureCatalog.Load(Path.Combine(_temp.Path, "features")).Entries.Where(e => e.Pickle is not null)
            .ToDictionary(e => (e.Id, e.Line));
        Assert.Contains(results, r => r.Id == KnownFail && r.Verdict == nameof(VerdictKind.KnownFailure));
        Assert.Contains(results, r => r.Id == KnownError && r.Verdict == nameof(VerdictKind.KnownFailure));
        Assert.Contains(results, r => r.Id == ListedButPasses && r.Verdict == nameof(VerdictKind.UnexpectedPass));
        // Reqnroll reports an undefined step as such whatever the list says: the row is an unexpected ERROR everywhere.
        Assert.Contains(results, r => r.Id == ListedUndefined && r.Verdict == nameof(VerdictKind.UnexpectedFailure) && r.Status == "ERROR");
        Assert.Contains(results, r => r.Verdict == nameof(VerdictKind.Passed));
        Assert.Contains(results, r => r.Verdict == nameof(VerdictKind.UnexpectedFailure));
        Assert.NotEqual(0, exitCode);

        foreach (var row in results.Where(r => entries.ContainsKey((r.Id, r.Line))))
        {
            var pickle = entries[(row.Id, row.Line)].Pickle!.Id;
            Assert.True(cases.TryGetValue(pickle, out var steps), $"{row.Id} ({row.Verdict}) is not a test case of the Cucumber report:\n{output}");
            var worst = steps!.MaxBy(s => Array.IndexOf(Severity, s.Status));
            var where = $"{row.Id}: results.jsonl says {row.Verdict} ({row.Status}), Cucumber says {worst.Status}: {worst.Message}";
            switch (row.Verdict)
            {
                case nameof(VerdictKind.Passed):
                    Assert.True(worst.Status == "PASSED", where);
                    break;
                case nameof(VerdictKind.KnownFailure):
                    Assert.True(worst.Status == "SKIPPED", where);
                    Assert.Contains(row.Id == KnownFail ? FailReason : ErrorReason, worst.Message ?? "");
                    break;
                default:
                    Assert.True(worst.Status is "FAILED" or "UNDEFINED", where);
                    if (worst.Status == "FAILED")
                        Assert.Contains(FirstLine(row.VerdictMessage ?? row.Detail), worst.Message ?? "");
                    break;
            }
        }
    }

    /// <summary>Per pickle id, the result of each step of its test case (status and message), from Reqnroll's NDJSON.</summary>
    private static Dictionary<string, List<(string Status, string? Message)>> CaseResults(string ndjson)
    {
        Assert.True(File.Exists(ndjson), $"no {ndjson}");
        var messages = File.ReadLines(ndjson).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        IEnumerable<JsonElement> All(string kind) =>
            messages.Where(m => m.TryGetProperty(kind, out _)).Select(m => m.GetProperty(kind));
        var pickleOfCase = All("testCase").ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("pickleId").GetString()!);
        var caseOfStart = All("testCaseStarted").ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("testCaseId").GetString()!);
        var cases = new Dictionary<string, List<(string, string?)>>();
        foreach (var finished in All("testStepFinished"))
        {
            var pickle = pickleOfCase[caseOfStart[finished.GetProperty("testCaseStartedId").GetString()!]];
            var result = finished.GetProperty("testStepResult");
            var message = result.TryGetProperty("message", out var text) ? text.GetString() : null;
            (cases.TryGetValue(pickle, out var steps) ? steps : cases[pickle] = []).Add((result.GetProperty("status").GetString()!, message));
        }
        return cases;
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}
