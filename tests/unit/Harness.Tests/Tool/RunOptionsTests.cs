using Harness.Tests.Reports;

namespace Harness.Tests.Tool;

/// <summary>
/// `Conformance.Cli check-options` (tests/Conformance.Cli/Run/RunOptions.cs): the one checker of a run's options, for the tool's
/// --kebab-case and the script's -PascalCase alike; every message names the option as the caller wrote it (issue 21 item 1).
/// </summary>
public sealed class RunOptionsTests
{
    [Theory]
    [InlineData("--timeout|0", "--timeout 0: takes seconds per scenario")]
    [InlineData("-Timeout|0", "-Timeout 0: takes seconds per scenario")]
    [InlineData("--parallel|--accept", "--parallel cannot be combined with --accept")]
    [InlineData("-Parallel|-Accept", "-Parallel cannot be combined with -Accept")]
    [InlineData("--since|workerd@1.20261117.1", "--since and --no-flag-finding go with --watch")]
    [InlineData("-AcceptFrom|node", "-AcceptFrom 'node' goes with -Accept")]
    [InlineData("--accept-from|node", "--accept-from 'node' goes with --accept")]
    [InlineData("--target|node|--target|node", "--target 'node,node' names node more than once")]
    [InlineData("--expectations|x.txt|--target|node,deno", "--expectations names one target's known-failure list")]
    [InlineData("--shard", "--shard needs a value")]
    [InlineData("reference", "'reference' is not an option")]
    public void A_bad_option_is_exit_2_naming_it_as_written(string arguments, string message)
    {
        var (exit, output) = CliTool.Run(["check-options", .. arguments.Split('|')]);
        Assert.True(exit == 2, $"exit {exit}:\n{output}");
        Assert.Contains(message, output);
    }

    [Theory]
    [InlineData("--target|reference|--target|node|--profile|documented|--requirement|ALS-RUN-1|--shard|2/4|--timeout|2.5")]
    [InlineData("-Target|reference,node|-Profile|documented|-Shard|2/4|-Repeat|3|-NoBuild")]
    [InlineData("--command|node {node-host}|--parallel")]
    public void Good_options_in_either_style_pass(string arguments)
    {
        var (exit, output) = CliTool.Run(["check-options", .. arguments.Split('|')]);
        Assert.True(exit == 0, $"exit {exit}:\n{output}");
    }
}
