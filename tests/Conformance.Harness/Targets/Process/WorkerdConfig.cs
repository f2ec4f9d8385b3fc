using System.Text.RegularExpressions;

namespace Conformance.Harness.Targets.Process;

/// <summary>The workerd configuration of one run (spec/runtime-bridges.md, "workerd").</summary>
internal static partial class WorkerdConfig
{
    /// <summary>From this date workerd enables nodejs_compat by default; before it the flag is needed for node:async_hooks.</summary>
    public const string NodejsCompatDefaultFrom = "2026-08-04";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    /// <summary>workerd's report of a worker that failed to load: `service main: Uncaught SyntaxError: ...`.</summary>
    [GeneratedRegex(@"^service main: Uncaught (?!\(in promise\))([A-Za-z_$][\w$]*)")]
    public static partial Regex LoadErrorLine();

    /// <summary>The same report for the service named <paramref name="service"/> (TF-1c: a single run's service carries its nonce).</summary>
    public static Regex LoadErrorLine(string service) =>
        new($@"^service {Regex.Escape(service)}: Uncaught (?!\(in promise\))([A-Za-z_$][\w$]*)", RegexOptions.CultureInvariant);

    /// <summary>The compatibility flag that gives a service binding <c>scheduled()</c> and <c>queue()</c> (OBS-BOUNDARY-HANDLERS-1).</summary>
    public const string ExtraHandlersFlag = "service_binding_extra_handlers";

    /// <summary>workerd refuses a config with an experimental flag unless started with this option (FACTS, checked 2026-12-06).</summary>
    public const string ExperimentalOption = "--experimental";

    /// <summary>The arguments of `workerd test`: <see cref="ExperimentalOption"/> only when a program needs it, so no other run changes.</summary>
    public static string[] TestArguments(string config, bool experimental) => experimental ? ["test", ExperimentalOption, config] : ["test", config];

    [GeneratedRegex(@"^[a-z0-9_]+$")]
    private static partial Regex FlagName();

    /// <param name="extraFlags">Flags the run adds by name (-CompatibilityFlags), after nodejs_compat when the date needs it.</param>
    /// <param name="service">The program's service, which `SELF` binds to and workerd names in its report and load error.</param>
    /// <param name="bindings">The program's declared classes (issue 20): Durable Object namespaces with in-memory storage, and
    /// service bindings to named entrypoints of the program's own service; the entry module re-exports them.</param>
    /// <param name="moduleFolder">The folder the modules are embedded from, with its trailing '/' (a batch's per-program folder).</param>
    /// <param name="cacheBackend">Whether the program's service is its own Cache API backend (<c>cacheApiOutbound</c>, OBS-BOUNDARY-CACHE-1).</param>
    /// <param name="extraHandlers">Whether env.SELF reaches the program's scheduled and queue handlers (the experimental flag
    /// <see cref="ExtraHandlersFlag"/>, which needs <see cref="ExperimentalOption"/> on the command line).</param>
    /// <param name="queueBroker">The binding of a queue producer whose broker is the program's own service (OBS-BOUNDARY-QUEUE-1), or null.</param>
    public static string Render(string compatibilityDate, IReadOnlyList<string>? extraFlags = null, string service = ProgramFiles.Service,
        IReadOnlyList<Scenarios.PlatformBinding>? bindings = null, string moduleFolder = "", bool cacheBackend = false, bool extraHandlers = false, string? queueBroker = null)
    {
        if (!IsoDate().IsMatch(compatibilityDate))
            throw new ArgumentException($"compatibility date '{compatibilityDate}' is not YYYY-MM-DD", nameof(compatibilityDate));
        var names = new List<string>();
        if (string.CompareOrdinal(compatibilityDate, NodejsCompatDefaultFrom) < 0) names.Add("nodejs_compat");
        foreach (var flag in extraFlags ?? [])
        {
            if (!FlagName().IsMatch(flag)) throw new ArgumentException($"compatibility flag '{flag}' is not a flag name", nameof(extraFlags));
            if (!names.Contains(flag)) names.Add(flag);
        }
        if (extraHandlers && !names.Contains(ExtraHandlersFlag)) names.Add(ExtraHandlersFlag);
        var flags = string.Join(", ", names.Select(n => $"\"{n}\""));
        bindings ??= [];
        var modules = string.Concat(ModuleNames(bindings.Count > 0 || extraHandlers).Select(m => $"\n    (name = \"{m}\", esModule = embed \"{moduleFolder}{m}\"),"));
        var objects = bindings.Where(b => b.Kind == Scenarios.PlatformBindingKind.DurableObject).ToArray();
        var platform = objects.Length == 0 ? "" :
            $"\n  durableObjectNamespaces = [{string.Join(", ", objects.Select(o => $"(className = \"{o.ClassName}\", uniqueKey = \"{service}-{o.ClassName}\")"))}]," +
            "\n  durableObjectStorage = (inMemory = void),";
        if (cacheBackend) platform += $"\n  cacheApiOutbound = \"{service}\",";
        var extraBindings = string.Concat(bindings.Select(b => b.Kind == Scenarios.PlatformBindingKind.DurableObject
            ? $", (name = \"{b.Binding}\", durableObjectNamespace = \"{b.ClassName}\")"
            : $", (name = \"{b.Binding}\", service = (name = \"{service}\", entrypoint = \"{b.ClassName}\"))"));
        if (queueBroker is not null) extraBindings += $", (name = \"{queueBroker}\", queue = \"{service}\")";
        return $$"""
            # Generated by the conformance harness for one run. See spec/runtime-bridges.md.
            using Workerd = import "/workerd/workerd.capnp";

            const config :Workerd.Config = (
              services = [
                (name = "{{service}}", worker = .worker),
                # No network: the global fetch() goes to "internet", which may reach no address at all.
                (name = "internet", network = (allow = [])),
              ],
            );

            const worker :Workerd.Worker = (
              modules = [{{modules}}
              ],
              compatibilityDate = "{{compatibilityDate}}",
              compatibilityFlags = [{{flags}}],{{platform}}
              bindings = [ (name = "SELF", service = "{{service}}"){{extraBindings}} ],
            );

            """;
    }

    /// <summary>The worker's modules, the main (first) one first: the driver, or the entry module that re-exports the declared classes.</summary>
    private static IEnumerable<string> ModuleNames(bool entryModule) =>
        entryModule
            ? [Scenarios.DriverFiles.BindingsEntryModule, "driver.mjs", "trace.mjs", "plan.mjs", "program.mjs"]
            : ["driver.mjs", "trace.mjs", "plan.mjs", "program.mjs"];
}
