using System.Diagnostics;
using Conformance.Harness.Reports;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Reports;

/// <summary>The end-of-run console (ConsoleReport, `Conformance.Cli console`) on a results.jsonl fixture.</summary>
public sealed class ConsoleReportTests
{
    private static string Fixture => Path.Combine(RepositoryRoot.Find(), "tests", "unit", "Harness.Tests", "Fixtures", "console", "results.jsonl");

    private static TargetResults Node => new("node", ScenarioResult.ReadAll(Fixture));

    private const string ExpectedFixtureReport = """
        UNEXPECTED FAIL on node: run/run/the-store-is-visible-inside (not in the known-failure list)
          at           features/run/run.feature:14
          requirements ALS-RUN-1, ALS-RUN-2  (profile documented)
          the trace differs from features/run/run/the-store-is-visible-inside.verified.txt; received: reports/node/received/run/the-store-is-visible-inside.received.txt (diff beside it)
          diff (verified against received):
            --- the-store-is-visible-inside.verified.txt
            +++ the-store-is-visible-inside.received.txt
            @@ -1,3 +1,3 @@
             log: "start"
            -log: 1
            +log: undefined
             end
          exit code 1
          stderr (last 3 lines):
            [ FAIL ] main
            Uncaught TypeError: store.get is not a function
                at test (main.mjs:4:11)

        UNEXPECTED CRASH on node: timers/timers/a-timer-keeps-the-store (not in the known-failure list)
          at           features/timers/timers.feature:21
          requirements ALS-TIMER-1  (profile documented)
          the runtime ended without `end` and without a load error: node: exit code 134 (signal 6 SIGABRT) without end
          detail:
            last lines on standard error:
              FATAL ERROR: out of memory
            trace so far:
            log: "start"
          exit code 134

        UNEXPECTED FAIL on node: bind/bind/a-bound-function-keeps-the-store (a known failure that changed)
          at           features/bind/bind.feature:30
          requirements ALS-BIND-1  (profile caveat)
          changed failure: targets/expectations/node.txt:7 pins FAIL with trace 0123456789ab, got FAIL with trace ba9876543210 (Node 20 binds differently)
          diff (pinned failing trace against this run):
            --- a-bound-function-keeps-the-store.trace.txt (pinned)
            +++ this run
            @@ -1,2 +1,2 @@
            -log: "c"
            +log: "b"
             end
          the trace differs from features/bind/bind/a-bound-function-keeps-the-store.verified.txt; received: reports/node/received/bind/a-bound-function-keeps-the-store.received.txt (diff beside it)
          diff (verified against received):
            --- a-bound-function-keeps-the-store.verified.txt
            +++ a-bound-function-keeps-the-store.received.txt
            @@ -1,2 +1,2 @@
            -log: "a"
            +log: "b"
             end
          exit code 0
          stderr: nothing

        target  results  PASS  FAIL  TIMEOUT  CRASH  ERROR  SKIP  NOT-APPLICABLE  known  unexpected
        node          5     1     3        0      1      0     0               0      1           3

        """;

    [Fact]
    public void Each_unexpected_result_gets_a_block_with_its_diffs_exit_code_and_stderr_then_the_table()
    {
        Assert.Equal(ExpectedFixtureReport, ConsoleReport.Render([Node]));
    }

    [Fact]
    public void A_changed_status_does_not_repeat_the_detail_its_message_carries()
    {
        var result = new ScenarioResult
        {
            Id = "a/b", Feature = "a.feature", Line = 3, Name = "b", Target = "deno", Status = "TIMEOUT", Verdict = "ChangedFailure",
            Requirements = ["ALS-RUN-1"], Profile = "documented",
            Detail = "no end within the time limit: deno: no end within 30 s; the process tree was stopped",
            VerdictMessage = "changed failure: targets/expectations/deno.txt:2 pins FAIL, got TIMEOUT (why)\nno end within the time limit: deno: no end within 30 s; the process tree was stopped",
        };
        Assert.Equal("""
            UNEXPECTED TIMEOUT on deno: a/b (a known failure that changed)
              at           features/a.feature:3
              requirements ALS-RUN-1  (profile documented)
              changed failure: targets/expectations/deno.txt:2 pins FAIL, got TIMEOUT (why)
              no end within the time limit: deno: no end within 30 s; the process tree was stopped

            """, ConsoleReport.Block(result));
    }

    [Fact]
    public void Paths_under_the_repository_are_shown_relative_to_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "some-repo");
        var sep = Path.DirectorySeparatorChar;
        var result = Node.Results[1] with { Detail = $"the trace differs from {root}{sep}features{sep}a.verified.txt\n-x\n+y" };
        var block = ConsoleReport.Block(result, repositoryRoot: root);
        Assert.Contains($"  the trace differs from features{sep}a.verified.txt\n", block);
        Assert.DoesNotContain(root, block);
    }

    [Fact]
    public void Past_the_block_limit_the_rest_is_counted_and_an_all_pass_run_is_the_table_alone()
    {
        var limited = ConsoleReport.Render([Node], maxBlocks: 1);
        Assert.Single(limited.Split('\n'), l => l.StartsWith("UNEXPECTED ", StringComparison.Ordinal));
        Assert.Contains("... and 2 more unexpected result(s), not shown: see each target's summary.md and results.jsonl\n", limited);

        var passes = new TargetResults("reference", [.. Node.Results.Where(r => r.Expected)]);
        Assert.Equal("""
            target     results  PASS  FAIL  TIMEOUT  CRASH  ERROR  SKIP  NOT-APPLICABLE  known  unexpected
            reference        2     1     1        0      0      0     0               0      1           0

            """, ConsoleReport.Render([passes]));
        Assert.Equal("""
            target   results  PASS  FAIL  TIMEOUT  CRASH  ERROR  SKIP  NOT-APPLICABLE  known  unexpected
            workerd        0     0     0        0      0      0     0               0      0           0
            workerd: no results were recorded (no scenario selected, or the test run did not start)

            """, ConsoleReport.Render([new TargetResults("workerd", [])]));
    }

    [Fact]
    public void Colour_marks_only_the_block_header_and_only_when_asked()
    {
        var coloured = ConsoleReport.Render([Node], colour: true);
        Assert.Equal(3, coloured.Split('\n').Count(l => l.StartsWith("\u001b[31mUNEXPECTED ", StringComparison.Ordinal) && l.EndsWith("\u001b[0m", StringComparison.Ordinal)));
        Assert.Equal(ExpectedFixtureReport, coloured.Replace("\u001b[31m", "").Replace("\u001b[0m", ""));
    }

    [Fact]
    public void The_cli_verb_writes_no_control_codes_when_its_output_is_redirected()
    {
        var dll = BuiltProjects.Cli;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("console");
        info.ArgumentList.Add(Fixture);
        info.Environment.Remove("NO_COLOR");
        info.Environment["TERM"] = "xterm-256color";
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        Assert.Equal(ExpectedFixtureReport, output);
        Assert.DoesNotContain(output, c => c == '\u001b' || c == '\r' || (char.IsControl(c) && c != '\n'));
    }
}
