namespace Conformance.Harness.Scenarios;

/// <summary>One request the driver sends to the program's fetch handler (spec/trace-format.md, TF-8).</summary>
public sealed record WorkerRequest(string Method, string Path, string? Body = null);

/// <summary>What the driver does with the program once it is loaded (spec/trace-format.md, "Driver").</summary>
public sealed record ScenarioPlan(IReadOnlyList<WorkerRequest> Requests, bool Concurrent, int SettleTurns = 3, int SettleMs = ScenarioPlan.SettleBoundMs)
{
    /// <summary>
    /// TF-9: the driver's settle timer, in ms. Every literal timer or scheduler delay in a program that the program does not
    /// itself await must be below it (tests/unit/Harness.Tests/Scenarios/SettleBoundScanTests.cs), so "no event fires" is checked
    /// after every timer a program set has fired.
    /// </summary>
    public const int SettleBoundMs = 100;

    public static ScenarioPlan TestHandlerOnly { get; } = new([], Concurrent: false);
}

/// <summary>
/// A scenario reduced to what a target runs: the program (an ES module worker), the plan, and the Workers
/// compatibility date it is written for. The same value goes to every target.
/// </summary>
public sealed record ScenarioProgram(string Id, string Source, ScenarioPlan Plan, string CompatibilityDate)
{
    public const string DefaultCompatibilityDate = "2026-11-17";

    /// <summary>Whether a step named the date (the scenario is about that date) rather than leaving it at the default.</summary>
    public bool NamesDate { get; init; }

    /// <summary>Workerd compatibility flags this run adds by name (-CompatibilityFlags); the reference honours the same.</summary>
    public IReadOnlyList<string> CompatibilityFlags { get; init; } = [];

    /// <summary>The classes of the program the platform reaches (Durable Objects, entrypoints), in declaration order (issue 20).</summary>
    public IReadOnlyList<PlatformBinding> Bindings { get; init; } = [];

    /// <summary>Whether the program's own fetch handler is its Cache API backend (workerd's <c>cacheApiOutbound</c>, OBS-BOUNDARY-CACHE-1).</summary>
    public bool CacheBackend { get; init; }

    /// <summary>
    /// Whether env.SELF's <c>scheduled()</c> and <c>queue()</c> invoke the program's handlers (OBS-BOUNDARY-HANDLERS-1): on workerd the
    /// experimental flag <c>service_binding_extra_handlers</c>, which its process needs <c>--experimental</c> for.
    /// </summary>
    public bool ExtraHandlers { get; init; }

    /// <summary>
    /// The binding of a queue producer whose broker is the program's own fetch handler (OBS-BOUNDARY-QUEUE-1): on workerd a queue
    /// binding naming the program's service, which POSTs <c>send</c> to <c>/message</c> and <c>sendBatch</c> to <c>/batch</c>;
    /// null when the scenario declares none. Declaring it also gives env.SELF its <c>queue()</c> (<see cref="ExtraHandlers"/>).
    /// </summary>
    public string? QueueBroker { get; init; }
}
