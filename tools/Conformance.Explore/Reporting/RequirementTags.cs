using Conformance.Explore.Generation;

namespace Conformance.Explore.Reporting;

/// <summary>
/// Suggested tags for an explored scenario, by the propagation matrix's rules (tools/Conformance.Matrix/Data): the clause
/// ids of every operation in the program, and `@documented` unless one of them is a workerd-observed (OBS-) behaviour, then
/// `@workerd-observed`.
/// </summary>
public static class RequirementTags
{
    public static IReadOnlyList<string> Requirements(IReadOnlyList<Operation> operations)
    {
        var nodes = operations.SelectMany(o => o.Descendants()).ToList();
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
            foreach (var id in For(node)) ids.Add(id);
        if (nodes.Where(n => n.Kind is OperationKind.Run or OperationKind.Capture).Select(n => n.Storage).Distinct().Count() > 1)
            ids.Add("ALS-MULTI-1");
        if (ids.Count == 0) ids.Add("ALS-RUN-3");
        return [.. ids];
    }

    public static string Profile(IReadOnlyList<string> requirements) =>
        requirements.Any(id => id.StartsWith("OBS-", StringComparison.Ordinal)) ? "workerd-observed" : "documented";

    private static IEnumerable<string> For(Operation node) => node.Kind switch
    {
        OperationKind.Run or OperationKind.Then or OperationKind.Await or OperationKind.Wait or OperationKind.Timeout
            or OperationKind.Microtask or OperationKind.Detached => ["ALS-RUN-3"],
        OperationKind.Exit => ["ALS-EXIT-2"],
        OperationKind.All => ["OBS-COMBINATOR-1"],
        OperationKind.Listener => ["OBS-LISTENER-NOCAPTURE-1"],
        OperationKind.Thenable => ["OBS-THENABLE-ADOPT-1"],
        OperationKind.Capture => [node.Variant switch
        {
            0 => "ALS-BIND-1",
            1 => "ALS-SNAPSHOT-1",
            2 => "AR-RUNINSCOPE-1",
            3 => "AR-BIND-1",
            _ => "AR-STATIC-BIND-1",
        }],
        _ => [],
    };
}
