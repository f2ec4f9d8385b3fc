using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Inventory.Dump;
using Conformance.Surface;

namespace Inventory.Tests;

/// <summary>
/// Issue 19, item 1: the pinned workerd, walked now, gives the committed spec/inventory/workerd.json, so a pin move fails here and
/// lists what is new (then `dotnet run --project tools/Conformance.Surface -- inventory` rewrites it and prints the same lines).
/// Where workerd cannot run the test skips, but under CI (CI=true) it fails.
/// </summary>
public sealed class WorkerdDumpTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public async Task The_pinned_workerd_gives_the_committed_dump()
    {
        var target = TargetFactory.TryCreate("workerd", Root, null, out var problem) ?? throw new InvalidOperationException(problem);
        if (await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken) is { } reason)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"CI must be able to run workerd: {reason}");
            Assert.Skip(reason);
        }
        var observed = await new InventoryRun(target, Root).RunAsync(TestContext.Current.CancellationToken);
        var changes = DumpDiff.Lines(InventoryDump.Load(Root), observed);
        Assert.True(changes.Count == 0,
            $"workerd differs from {InventoryDump.RelativePath} in {changes.Count} lines (rewrite it with `dotnet run --project tools/Conformance.Surface -- inventory`):\n"
            + string.Join("\n", changes.Take(200)));
    }
}
