namespace Conformance.Harness.Targets.Process;

/// <summary>The process targets by name (workerd, node, node22, node24, node26, deno, bun, system-node, command:...); see spec/runtime-bridges.md.</summary>
public static class ProcessTargets
{
    /// <summary>The names this factory knows, for help texts and for `-Target all` (`command:` takes a template).</summary>
    public static IReadOnlyList<string> KnownNames => [.. FixedNames, NodeStyleTarget.SystemNodeName, CommandTarget.Prefix + "<template>"];

    /// <summary>
    /// The pinned targets that need no argument: what `-Target all` runs (system-node is whatever PATH holds, so not in it).
    /// One list with the targets/package.json dependencies they install from (<see cref="Versions.PinnedTargets.Dependencies"/>).
    /// </summary>
    public static IReadOnlyList<string> FixedNames => [.. Versions.PinnedTargets.Dependencies.Select(d => d.Target)];

    /// <summary>The target called <paramref name="name"/>, or null when no process target has that name.</summary>
    public static ITarget? TryCreate(string name, string repositoryRoot) => TryCreate(name, repositoryRoot, ProcessTargetOptions.Default);

    /// <summary>As <see cref="TryCreate(string, string)"/>, with other limits (tests use small ones).</summary>
    public static ITarget? TryCreate(string name, string repositoryRoot, ProcessTargetOptions options)
    {
        if (name.StartsWith(CommandTarget.Prefix, StringComparison.Ordinal))
            return new CommandTarget(name[CommandTarget.Prefix.Length..], repositoryRoot, options);
        var nodeStyle = name switch
        {
            "node" => NodeStyleTarget.PinnedNode20(repositoryRoot, options),
            NodeStyleTarget.SystemNodeName => NodeStyleTarget.SystemNode(repositoryRoot, options),
            "node22" or "node24" => NodeStyleTarget.PinnedNodeLine(name, repositoryRoot, options),
            "node26" => NodeStyleTarget.PinnedNode(repositoryRoot, options),
            "deno" => NodeStyleTarget.Deno(repositoryRoot, options),
            "bun" => NodeStyleTarget.Bun(repositoryRoot, options),
            _ => null,
        };
        if (nodeStyle is not null) return Batches(name) ? nodeStyle.WithBatching() : nodeStyle;
        return name == "workerd" ? new WorkerdTarget(repositoryRoot, options) : null;
    }

    /// <summary>
    /// Set to a comma-separated list of node-style target names (or <c>all</c>) to batch them whatever <see cref="BatchedRuntimes"/>
    /// says: how a runtime that does not batch is tried batched, to measure it against one process per program.
    /// </summary>
    public const string BatchTrialVariable = "CONFORMANCE_BATCH_TRIAL";

    /// <summary>
    /// The node-style runtimes that run many programs per process (spec/runtime-bridges.md B-13). A runtime is here ONLY
    /// when every scenario's status and trace batched is the one it has one process per program, over the whole suite
    /// (`Conformance.Cli batching`, run by .ci/run on each of them); the comparison and the numbers are in
    /// docs/performance.md, "Batching node, deno and bun".
    /// </summary>
    public static IReadOnlySet<string> BatchedRuntimes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        // deno: 0 of 1170 scenarios differ with four batches per core (BatchingNodeStyleTarget.MaxBatchesInFlight):
        // tests/perf/measure-batching.sh, 2026-12-02, batched 32.5 s, one process per program 38.4 s; .ci/run checks it on every run.
        "deno",
        // Not node, node26, system-node (a worker's bootstrap takes async ids: asyncId() differs, 2 of 1170 scenarios on node26)
        // nor bun (0 of 1170 differ since B-15, but batched is no faster, and executionAsyncResource() differs in a worker);
        // NodeBatchRunTests holds each difference; docs/performance.md has the runs.
    };

    private static bool Batches(string name)
    {
        if (BatchedRuntimes.Contains(name)) return true;
        var trial = System.Environment.GetEnvironmentVariable(BatchTrialVariable);
        return trial is not null && trial.Split(',', StringSplitOptions.TrimEntries).Any(t => t == "all" || t == name);
    }
}
