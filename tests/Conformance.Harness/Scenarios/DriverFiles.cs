namespace Conformance.Harness.Scenarios;

/// <summary>
/// The shared driver modules (targets/driver/trace.mjs and driver.mjs), unchanged on every target
/// (spec/trace-format.md, "What runs"), and the module set of one scenario.
/// </summary>
public sealed class DriverFiles
{
    public const string ProgramModule = "program.mjs";
    public const string TraceModule = "trace.mjs";
    public const string DriverModule = "driver.mjs";

    /// <summary>The entry module a target loads as the Workers module worker.</summary>
    public const string EntryModule = DriverModule;

    /// <summary>The entry module of a scenario that declares platform classes (issue 20): driver and classes re-exported.</summary>
    public const string BindingsEntryModule = "entry.mjs";

    /// <summary>The module a target loads first for <paramref name="program"/>.</summary>
    public static string EntryModuleOf(ScenarioProgram program) => NeedsEntryModule(program) ? BindingsEntryModule : EntryModule;

    /// <summary>Whether the program needs the generated entry module: it declares classes, or env.SELF reaches its scheduled and queue handlers.</summary>
    public static bool NeedsEntryModule(ScenarioProgram program) => program.Bindings.Count > 0 || program.ExtraHandlers;

    public string Directory { get; }
    public string TraceSource { get; }
    public string DriverSource { get; }

    private DriverFiles(string directory, string traceSource, string driverSource)
    {
        Directory = directory;
        TraceSource = traceSource;
        DriverSource = driverSource;
    }

    /// <summary>Reads targets/driver under <paramref name="repositoryRoot"/>.</summary>
    public static DriverFiles Load(string repositoryRoot)
    {
        var dir = Path.Combine(repositoryRoot, "targets", "driver");
        return new DriverFiles(dir,
            File.ReadAllText(Path.Combine(dir, TraceModule)),
            File.ReadAllText(Path.Combine(dir, DriverModule)));
    }

    private static readonly Lazy<DriverFiles> Default = new(() => Load(RepositoryRoot.Find()));

    /// <summary>The driver of the repository this assembly runs from.</summary>
    public static DriverFiles FromRepository() => Default.Value;

    /// <summary>The four modules of one scenario by file name: program, plan, trace, driver (the entry); and the entry module
    /// <see cref="BindingsEntryModule"/> when the scenario declares platform classes.</summary>
    public IReadOnlyDictionary<string, string> ModulesFor(ScenarioProgram program)
    {
        var modules = new Dictionary<string, string>
        {
            [ProgramModule] = program.Source,
            [PlanModule.FileName] = PlanModule.Render(program.Plan),
            [TraceModule] = TraceSource,
            [DriverModule] = DriverSource,
        };
        if (NeedsEntryModule(program)) modules[BindingsEntryModule] = PlatformBindings.EntryModuleSource(program.Bindings, program.ExtraHandlers);
        return modules;
    }
}
