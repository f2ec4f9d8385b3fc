using Conformance.Explore.Generation;

namespace Conformance.Explore.Exploring;

/// <summary>
/// Delta debugging over a program's operation tree (Zeller's ddmin, on the list of nodes in document order): removes ever
/// smaller sets of nodes (each with its subtree) while the rest still diverges, then replaces each container by its body
/// (unwrapping), until no single removal or unwrap keeps the divergence: the result is 1-minimal. Every candidate is a valid
/// program because a node's removal takes its subtree with it, and an All keeps at least one branch.
/// The candidates of one round (every chunk removal of a granularity, or every unwrap) are judged together, so a batching
/// target runs them in one batch; the round takes the first candidate in order that still diverges, which is the one a
/// one-by-one search would take, so the result does not depend on how the round was run.
/// <see cref="BareSources"/> gives the round the explorer tries first, for all its divergences at once (issue 19, item 4).
/// </summary>
public static class Minimiser
{
    /// <summary>Judges the candidates of one round: for each, in order, whether it still diverges.</summary>
    public delegate Task<IReadOnlyList<bool>> RoundOracle(IReadOnlyList<IReadOnlyList<Operation>> candidates);

    /// <summary>One candidate at a time: the oracle of a caller that has nothing to batch.</summary>
    public static Task<IReadOnlyList<Operation>> MinimiseAsync(
        IReadOnlyList<Operation> operations, Func<IReadOnlyList<Operation>, Task<bool>> stillDiverges) =>
        MinimiseAsync(operations, async candidates =>
        {
            var verdicts = new List<bool>();
            foreach (var candidate in candidates) verdicts.Add(await stillDiverges(candidate).ConfigureAwait(false));
            return verdicts;
        });

    public static async Task<IReadOnlyList<Operation>> MinimiseAsync(IReadOnlyList<Operation> operations, RoundOracle stillDiverge)
    {
        var current = operations;
        var changed = true;
        while (changed)
        {
            changed = false;
            var reduced = await RemoveAsync(current, stillDiverge).ConfigureAwait(false);
            if (!ReferenceEquals(reduced, current)) { current = reduced; changed = true; }
            var unwrapped = current.SelectMany(operation => operation.Descendants()).Where(node => node.IsContainer)
                .Select(node => Unwrap(current, node.Id)).OfType<IReadOnlyList<Operation>>().ToList();
            if (await FirstDivergingAsync(unwrapped, stillDiverge).ConfigureAwait(false) is { } candidate) { current = candidate; changed = true; }
        }
        return current;
    }

    /// <summary>
    /// Each inventory source of the program alone, without its body, in document order: a source a target lacks (a module that
    /// does not load, a member that is not there) diverges so, and then the first of them replaces the whole ddmin search. A
    /// lone bodiless node is 1-minimal: removing or unwrapping it leaves the empty program, which blames nothing.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Operation>> BareSources(IReadOnlyList<Operation> operations) =>
        [.. operations.SelectMany(operation => operation.Descendants()).Where(node => node.Kind == OperationKind.Source)
            .Select(node => (IReadOnlyList<Operation>)[node.WithBody([])])];

    private static async Task<IReadOnlyList<Operation>?> FirstDivergingAsync(List<IReadOnlyList<Operation>> candidates, RoundOracle stillDiverge)
    {
        if (candidates.Count == 0) return null;
        var verdicts = await stillDiverge(candidates).ConfigureAwait(false);
        if (verdicts.Count != candidates.Count) throw new InvalidOperationException($"the oracle judged {verdicts.Count} of {candidates.Count} candidates");
        var first = verdicts.ToList().IndexOf(true);
        return first < 0 ? null : candidates[first];
    }

    // ddmin: try removing each of n chunks of the node ids (n = 2, 4, ... up to one id per chunk).
    private static async Task<IReadOnlyList<Operation>> RemoveAsync(IReadOnlyList<Operation> current, RoundOracle stillDiverge)
    {
        var chunks = 2;
        while (true)
        {
            var ids = current.SelectMany(operation => operation.Descendants()).Select(node => node.Id).ToList();
            if (ids.Count == 0) return current;
            chunks = Math.Min(chunks, ids.Count);
            var size = (ids.Count + chunks - 1) / chunks;
            var candidates = new List<IReadOnlyList<Operation>>();
            for (var start = 0; start < ids.Count; start += size)
            {
                var candidate = Remove(current, ids.Skip(start).Take(size).ToHashSet());
                // An All keeps its last branch, so a removal can leave the tree as it was: not a step, and no end to the loop.
                if (candidate.Sum(o => o.Descendants().Count()) < ids.Count) candidates.Add(candidate);
            }
            if (await FirstDivergingAsync(candidates, stillDiverge).ConfigureAwait(false) is { } reduced)
            {
                current = reduced;
                chunks = Math.Max(chunks - 1, 2);
                continue;
            }
            if (size == 1) return current;
            chunks = Math.Min(chunks * 2, ids.Count);
        }
    }

    /// <summary>The tree without the nodes in <paramref name="ids"/> (and their subtrees); an All that would lose every branch keeps its first.</summary>
    public static IReadOnlyList<Operation> Remove(IReadOnlyList<Operation> operations, IReadOnlySet<int> ids)
    {
        var kept = new List<Operation>();
        foreach (var operation in operations)
        {
            if (ids.Contains(operation.Id)) continue;
            var body = Remove(operation.Body, ids);
            if (operation.Kind == OperationKind.All && body.Count == 0 && operation.Body.Count > 0) body = [operation.Body[0]];
            kept.Add(operation.WithBody(body));
        }
        return kept;
    }

    /// <summary>The tree with container <paramref name="id"/> replaced by its body, or null when that would make no valid program.</summary>
    public static IReadOnlyList<Operation>? Unwrap(IReadOnlyList<Operation> operations, int id)
    {
        var result = new List<Operation>();
        var found = false;
        foreach (var operation in operations)
        {
            if (operation.Id == id)
            {
                found = true;
                result.AddRange(operation.Body);
                continue;
            }
            var body = Unwrap(operation.Body, id);
            if (body is not null) { found = true; result.Add(operation.WithBody(body)); }
            else result.Add(operation);
        }
        // A body moves up into its parent: inside an All or Detached it holds no timer either, so the rules still hold.
        return found ? result : null;
    }
}
