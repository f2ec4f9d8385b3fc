using Conformance.Harness.Scenarios;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// Any runtime, by a command template (`command:&lt;template&gt;`): the template is split into arguments once,
/// never run through a shell, and each argument's placeholders are replaced per run:
/// `{dir}` the run folder, `{driver}` driver.mjs, `{node-host}` the Node-style bridge entry, `{config}` a workerd config.
/// </summary>
internal sealed class CommandTarget : ProcessTarget
{
    public const string Prefix = "command:";

    private readonly IReadOnlyList<string> template;
    private readonly string? templateProblem;

    public CommandTarget(string templateText, string repositoryRoot, ProcessTargetOptions options)
        : base("command", repositoryRoot, options)
    {
        Template = templateText;
        try
        {
            template = CommandTemplate.Split(templateText);
            if (template.Count == 0) templateProblem = "the command template is empty";
        }
        catch (FormatException e)
        {
            template = [];
            templateProblem = e.Message;
        }
        Rules = RulesFor(template);
    }

    public string Template { get; }

    protected override Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (templateProblem is not null) return Task.FromResult<string?>($"{Name}: {templateProblem} in `{Template}`");
        var program = template[0];
        if (program.Contains('{')) return Task.FromResult<string?>(null); // resolved per run
        return Task.FromResult(Executables.FindOnPath(program) is null
            ? $"{Name}: the executable `{program}` was not found (a path, or a name on PATH); for the pinned runtimes, {RuntimeInstaller.InstallHint}"
            : null);
    }

    protected override ProcessSpec Prepare(string folder, ScenarioProgram program, string service)
    {
        if (template.Any(a => a.Contains("{node-host}", StringComparison.Ordinal))) ProgramFiles.WriteNodeHost(folder, RepositoryRoot);
        if (template.Any(a => a.Contains("{config}", StringComparison.Ordinal)))
            File.WriteAllText(Path.Combine(folder, ProgramFiles.Config), WorkerdConfig.Render(program.CompatibilityDate, program.CompatibilityFlags, service));
        var arguments = template.Select(a => a
            .Replace("{dir}", folder, StringComparison.Ordinal)
            .Replace("{driver}", Path.Combine(folder, ProgramFiles.Driver), StringComparison.Ordinal)
            .Replace("{node-host}", Path.Combine(folder, ProgramFiles.Host), StringComparison.Ordinal)
            .Replace("{config}", Path.Combine(folder, ProgramFiles.Config), StringComparison.Ordinal)).ToList();
        var exe = Executables.FindOnPath(arguments[0]) ?? arguments[0];
        return new ProcessSpec(exe, arguments.Skip(1).ToList(), folder, NodeStyleTarget.QuietEnvironment);
    }

    /// <summary>
    /// The rules of the bridge the template names (issue 18 item 10): `{node-host}` is the node-style targets' bridge and gets
    /// their rules, `{config}` is workerd's config and gets workerd's, anything else hosts the driver itself.
    /// </summary>
    protected override BridgeRules Rules { get; }

    private static BridgeRules RulesFor(IReadOnlyList<string> template) =>
        template.Any(a => a.Contains("{node-host}", StringComparison.Ordinal)) ? BridgeRules.NodeHost
        : template.Any(a => a.Contains("{config}", StringComparison.Ordinal)) ? BridgeRules.Workerd
        : BridgeRules.OwnHost;
}
