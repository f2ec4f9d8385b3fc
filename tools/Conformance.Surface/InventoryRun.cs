using System.Text.Json.Nodes;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Versions;
using Conformance.Inventory.Dump;

namespace Conformance.Surface;

/// <summary>
/// Walks the pinned workerd (issue 19, item 1) through the harness's own workerd target, so the walk sees what a scenario sees:
/// the default compatibility date, where nodejs_compat is a default. The program is tools/Conformance.Inventory/Js/walk.js.
/// </summary>
public sealed class InventoryRun(ITarget target, string root)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public async Task<InventoryDump> RunAsync(CancellationToken cancellationToken)
    {
        var program = new ScenarioProgram("inventory/walk", WalkProgram.Source(WalkSettings.Load(root)), ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);
        var lines = CompletedTrace.JsonLines(target.Name, program.Id, await target.RunAsync(program, Timeout, cancellationToken));
        var version = target is IVersionedTarget versioned ? await versioned.ReadVersionAsync(cancellationToken) : null;
        var pin = PinnedTargets.Read(root).FirstOrDefault(p => p.Name == target.Name);
        var package = pin is null ? "(not a pinned target)" : $"{pin.Version.Family.Package}@{pin.Version.Version}";
        return InventoryDump.FromWalk(version ?? "(version unknown)", package, ScenarioProgram.DefaultCompatibilityDate, lines);
    }
}
