using Conformance.Harness.Scenarios;

namespace Harness.Tests.Script;

/// <summary>
/// Issue 18 through run-conformance.ps1 itself: a signal ends the run as cancelled and loses nothing (item 1), one run per
/// report folder (item 4), a lost test host names what was lost (item 5), and what fails a run outside its rows (a list with bad
/// lines, item 6; an orphan verified file, item 8) fails the main job. Linux only (process groups, /proc).
/// </summary>
public sealed class RunSafetyScriptTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root = RepositoryRoot.Find();

    public void Dispose() => _temp.Dispose();

    private string Reports => _temp.File("reports");

    private static void LinuxOnly()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("process groups and /proc: Linux only");
    }

    // The run's own temp folder (Conformance.Cli run: SuiteRun.Execute), looked for under the TMPDIR this test gives the run, so that
    // other runs on the same machine (a CI clone, another checkout) can neither fail nor pass the check.
    private static string[] RunTemps(string tmp) =>
        Directory.EnumerateDirectories(tmp, "conformance-run-*").Select(Path.GetFileName).OfType<string>().ToArray();

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void A_signal_ends_the_run_as_cancelled_and_writes_nothing_that_outlives_it(string signal, int exitCode)
    {
        LinuxOnly();
        var list = _temp.File("reference.txt");
        File.WriteAllText(list, "# the list a cancelled update must leave alone\n");
        var tmp = Directory.CreateDirectory(_temp.File("tmp")).FullName;
        using var run = new ScriptRun(_root, ["-NoBuild", "-ReportDir", Reports, "-Filter", "ScenarioId~matrix/", "-UpdateExpectations"],
            new Dictionary<string, string> { ["CONFORMANCE_EXPECTATIONS"] = list, ["TMPDIR"] = tmp });
        var results = Path.Combine(Reports, "reference", "results.jsonl");
        run.WaitUntil(() => File.Exists(results) && File.ReadAllLines(results).Length >= 3, TimeSpan.FromMinutes(4), "three results");
        Assert.NotEmpty(RunTemps(tmp)); // the run made its temp folder where this test looks for it

        run.SignalGroup(signal);
        var exit = run.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.True(exit == exitCode, $"exit {exit}:\n{run.Output}");
        Assert.Matches($@"CANCELLED by SIG{signal}: \d+ scenario\(s\) ran before it", run.Output);
        Assert.DoesNotContain("every result is as expected", run.Output);
        Assert.Contains($"INCOMPLETE: cancelled by SIG{signal}", File.ReadAllText(Path.Combine(Reports, "reference", "summary.md")));
        Assert.True(new FileInfo(Path.Combine(Reports, "reference", "not-run.txt")).Length > 0);
        Assert.Equal("# the list a cancelled update must leave alone\n", File.ReadAllText(list));
        Assert.False(File.Exists(Path.Combine(Reports, "index.html")), "no site from a cancelled run");
        Assert.Empty(RunTemps(tmp));
        // Killed trees die within moments; a zombie (<defunct>) is already dead, waiting for its new parent to reap it.
        run.WaitUntilQuiet(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void A_signal_to_the_script_alone_ends_a_bisect_with_its_release_runs()
    {
        LinuxOnly();
        using var run = new ScriptRun(_root, ["-NoBuild", "-Bisect", "-Target", "reference", "-CompatibilityDate", "2025-01-01..2025-01-02",
            "-ReportDir", Reports, "-Filter", "ScenarioId~matrix/"]);
        var results = Path.Combine(Reports, "bisect", "reference-2025-01-01", "results.jsonl");
        run.WaitUntil(() => File.Exists(results) && File.ReadAllLines(results).Length >= 3, TimeSpan.FromMinutes(4), "three results of a release");

        run.SignalScript("TERM");
        var exit = run.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.True(exit == 143, $"exit {exit}:\n{run.Output}");
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(run.Output, @"CANCELLED by SIGTERM: \d+ scenario\(s\) ran before it"), run.Output);
        Assert.True(new FileInfo(Path.Combine(Reports, "bisect", "reference-2025-01-01", "not-run.txt")).Length > 0);
        run.WaitUntilQuiet(TimeSpan.FromSeconds(15)); // the release's dotnet test and its host are gone with it
    }

    [Fact]
    public void A_second_run_on_the_same_report_folder_is_refused_and_a_dead_runs_lock_is_not_held()
    {
        Directory.CreateDirectory(Reports);
        File.WriteAllText(Path.Combine(Reports, ".run.owner"), "run-conformance.ps1, pid 4242");
        using (File.Open(Path.Combine(Reports, ".run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (exit, output) = LocalPwsh.Run(_root, ["-File", Path.Combine(_root, "run-conformance.ps1"), "-NoBuild", "-ReportDir", Reports], TimeSpan.FromMinutes(2));
            Assert.True(exit == 2, $"exit {exit}:\n{output}");
            Assert.Contains($"another run (run-conformance.ps1, pid 4242) is using the report folder {Reports}", output);
            Assert.False(Directory.Exists(Path.Combine(Reports, "reference")));
        }
        // The holder is gone (its handle closed, as a dead process's is): the next run goes ahead.
        var (after, text) = LocalPwsh.Run(_root, ["-File", Path.Combine(_root, "run-conformance.ps1"), "-NoBuild", "-ReportDir", Reports,
            "-Filter", "ScenarioId~no-such-scenario-anywhere"], TimeSpan.FromMinutes(3));
        Assert.True(after == 2, $"exit {after}:\n{text}");
        Assert.Contains("no scenario was selected", text);
    }

    [Fact]
    public void An_accept_while_another_run_accepts_in_the_checkout_is_refused_whatever_its_report_folder()
    {
        var lockPath = Path.Combine(_root, ".conformance-write.lock");
        using (File.Open(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (exit, output) = LocalPwsh.Run(_root, ["-File", Path.Combine(_root, "run-conformance.ps1"), "-NoBuild", "-ReportDir", Reports,
                "-Target", "workerd", "-Accept", "-Filter", "ScenarioId~errata/"], TimeSpan.FromMinutes(2));
            Assert.True(exit == 2, $"exit {exit}:\n{output}");
            Assert.Matches("another run( \\(.*\\))? is accepting snapshots or updating known-failure lists in this checkout", output);
            Assert.False(Directory.Exists(Path.Combine(Reports, "workerd")));
        }
    }

    [Fact]
    public void A_program_that_kills_the_test_host_names_the_culprit_and_the_rows_not_run_and_fails()
    {
        LinuxOnly();
        // Walks up from itself to the nearest process running Conformance.Specs (the test host) and kills it.
        var killer = _temp.File("kill-host.sh");
        File.WriteAllText(killer, """
            p=$PPID
            while [ "$p" -gt 1 ]; do
              case "$(tr '\0' ' ' < /proc/$p/cmdline)" in *Conformance.Specs*) kill -9 "$p"; exit 0;; esac
              p=$(awk '{print $4}' /proc/$p/stat)
            done
            """);
        using var run = new ScriptRun(_root, ["-NoBuild", "-ReportDir", Reports, "-Command", $"sh {killer}", "-Filter", "ScenarioId~errata/", "-Parallelism", "1"]);
        var exit = run.WaitForExit(TimeSpan.FromMinutes(4));

        Assert.True(exit == 1, $"exit {exit}:\n{run.Output}");
        Assert.Contains("INCOMPLETE: the test host ended before the run did", run.Output);
        Assert.Matches(@"IN FLIGHT when it stopped \(the likely culprit\): errata/", run.Output);
        Assert.Contains("NOT RUN (", run.Output);
        Assert.Contains("the run did not reach its end on: command", run.Output);
        Assert.DoesNotContain("no scenario was selected", run.Output);
        Assert.True(new FileInfo(Path.Combine(Reports, "command", "not-run.txt")).Length > 0);
    }

    [Fact]
    public void An_orphan_verified_file_and_an_update_of_a_list_with_bad_lines_fail_the_main_job()
    {
        var features = Fixtures.CopyFeaturesTo(_temp);
        File.WriteAllText(Path.Combine(features, "basics", "run.a-renamed-scenario.verified.txt"), "end\n");
        var list = _temp.File("reference.txt");
        File.WriteAllText(list, "a line with neither status nor reason\n");
        var (exit, output) = LocalPwsh.Run(_root, ["-File", Path.Combine(_root, "run-conformance.ps1"), "-NoBuild", "-ReportDir", Reports,
            "-Filter", "ScenarioId~basics/run/", "-UpdateExpectations"], TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["CONFORMANCE_FEATURES"] = features, ["CONFORMANCE_EXPECTATIONS"] = list });

        Assert.True(exit == 1, $"exit {exit}:\n{output}");
        Assert.Contains("RUN FAILURE: traceability: basics/run.a-renamed-scenario.verified.txt belongs to no scenario", output);
        Assert.Contains("bad line(s), kept as they are by the update", output);
        Assert.Contains("the run failed outside the scenarios' results", output);
    }
}
