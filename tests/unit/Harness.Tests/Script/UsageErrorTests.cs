using Conformance.Harness.Scenarios;

namespace Harness.Tests.Script;

/// <summary>
/// Issue 18, item 2: every option's invalid value is a usage error (exit 2) that names the option and the value, found before
/// anything runs (no target's report folder is made). Each row was once a run that went ahead: an empty target list ran
/// nothing and passed, `-Command ''` ran the reference, an impossible shard or date ran every row as ERROR, a negative number
/// was ignored, a malformed template was "unavailable", a filter syntax error was "no scenario selected".
/// </summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("-Target|", "-Target '' names nothing")]
    [InlineData("-Target|,", "-Target ',' names nothing")]
    [InlineData("-Target| , ", "names nothing")]
    [InlineData("-Command|", "-Command '' is empty")]
    [InlineData("-Command|   ", "-Command '   ' is empty")]
    [InlineData("-Profile|", "-Profile '' names nothing")]
    [InlineData("-Filter| ", "-Filter ' ' is empty")]
    [InlineData("-ReportDir| ", "-ReportDir ' ' is empty")]
    [InlineData("-Target|node,reference,node", "-Target 'node,reference,node' names node more than once")]
    [InlineData("-Target|reference,REFERENCE", "more than once")]
    [InlineData("-Shard|5/4", "-Shard '5/4' is not a shard")]
    [InlineData("-Shard|0/4", "-Shard '0/4' is not a shard")]
    [InlineData("-Shard|1/0", "-Shard '1/0' is not a shard")]
    [InlineData("-Shard|1/99999999999999999999999", "-Shard '1/99999999999999999999999' is not a shard")]
    [InlineData("-CompatibilityDate|2025-02-30", "-CompatibilityDate '2025-02-30' is not a date")]
    [InlineData("-CompatibilityDate|2025-13-01", "-CompatibilityDate '2025-13-01' is not a date")]
    [InlineData("-CompatibilityDate|2025-01-01..2025-02-01", "-CompatibilityDate '2025-01-01..2025-02-01' is not a date")]
    [InlineData("-Timeout|-5", "-Timeout -5: takes seconds per scenario")]
    [InlineData("-Timeout|0", "-Timeout 0: takes seconds per scenario")]
    [InlineData("-Timeout|NaN", "-Timeout NaN: takes seconds per scenario")]
    [InlineData("-Timeout|99999", "-Timeout 99999: takes seconds per scenario")]
    [InlineData("-Parallelism|-1", "-Parallelism -1: takes scenarios at once")]
    [InlineData("-Parallelism|100000", "-Parallelism 100000: takes scenarios at once")]
    [InlineData("-Parallelism|many", "-Parallelism 'many' is not a whole number")]
    [InlineData("-Explore|-5", "-Explore -5: takes a number of programs")]
    [InlineData("-Repeat|1", "-Repeat 1: takes a number of runs, at least 2")]
    [InlineData("-Seed|x", "-Seed 'x' is not a whole number")]
    [InlineData("-Requirement|ALS-RUN-1)&(x", "-Requirement 'ALS-RUN-1)&(x' is not a requirement id")]
    [InlineData("-CompatibilityFlags|Bad-Flag", "-CompatibilityFlags 'Bad-Flag' is not a compatibility flag name")]
    [InlineData("-AcceptFrom|node", "-AcceptFrom 'node' goes with -Accept")]
    [InlineData("-Command|node \"{node-host}", "-Command: the template \"node \"{node-host}\" is malformed: unterminated \" quote")]
    [InlineData("-Filter|Profile=documented)(", "is not a test filter: an unmatched ')'")]
    [InlineData("-Filter|Profile=", "is not a test filter: the condition \"Profile=\" has no value after =")]
    [InlineData("-Filter|(Profile=documented", "is not a test filter: the '(' at character 1 is never closed")]
    // The release modes, through `run` (tests/Conformance.Cli/Run/ReleaseModes.cs), with the messages the script printed itself.
    [InlineData("-Bisect|-Target|bun@1.0.0..1.1.0", "-Bisect takes one -Target <runtime>@<from>..<to> (e.g. bun@1.0.0..1.4.5), or one target with -CompatibilityDate <from>..<to>, and a selection (-Filter, -Profile or -Requirement); without one it would run every scenario on each release")]
    [InlineData("-Bisect|-Target|bun@1.0.0..1.1.0|-Filter|x~y|-CompatibilityDate|2025-01-01", "-Bisect over releases runs each at its own default date; drop -CompatibilityDate")]
    [InlineData("-Bisect|-Target|bun@1.0.0..1.1.0|-Filter|Profile=", "-Filter: \"Profile=\" is not a test filter")]
    [InlineData("-History|-Target|bun@1.0.0", "-History takes two or more -Target <runtime>@<version> (e.g. bun@1.0.0,bun@1.3.0); got 1")]
    [InlineData("-History|-Target|bun@1.0.0,reference", "not a <runtime>@<version>: reference")]
    [InlineData("-Watch|-Target|reference", "watch: \"reference\" is not a pinned target")]
    [InlineData("-Watch|-Since|nope", "watch: ")]
    public void An_invalid_value_is_a_usage_error_naming_the_option_and_the_value(string arguments, string message)
    {
        var root = RepositoryRoot.Find();
        var args = new[] { "-File", Path.Combine(root, "run-conformance.ps1"), "-NoBuild", "-ReportDir", _temp.Path }
            .Concat(arguments.Split('|')).ToArray();
        if (arguments.StartsWith("-ReportDir", StringComparison.Ordinal)) args = ["-File", Path.Combine(root, "run-conformance.ps1"), "-NoBuild", .. arguments.Split('|')];
        var (exit, output) = LocalPwsh.Run(root, args, TimeSpan.FromMinutes(3));
        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        Assert.Contains(message, output);
        Assert.DoesNotContain("every result is as expected", output);
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path)); // no target report folder: nothing ran (the run lock may be there)
    }
}
