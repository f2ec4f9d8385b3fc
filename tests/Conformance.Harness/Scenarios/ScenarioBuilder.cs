using System.Globalization;

namespace Conformance.Harness.Scenarios;

/// <summary>What a step contributes: the program and its settings, the action, or the check of the trace.</summary>
public enum StepRole
{
    Arrange,
    Act,
    Assert,
}

/// <summary>
/// What each Gherkin step does to the program, as one typed method per step, called only through <see cref="StepVocabulary"/>'s
/// phrase table when a row is compiled (once, issue 17, item 2). Each method throws <see cref="ScenarioDefinitionException"/>
/// naming the step when its argument is not acceptable.
/// </summary>
public sealed class ScenarioBuilder
{
    private string? _source;
    private string? _compatibilityDate;
    private ScenarioPlan? _plan;
    private string? _actStep;
    private readonly List<(PlatformBinding Binding, string Step)> _bindings = [];
    private bool _cacheBackend;
    private bool _extraHandlers;
    private (string Binding, string Step)? _queueBroker;

    public bool HasAssertion { get; private set; }

    /// <summary><c>Given the worker program:</c> with the module source as doc string.</summary>
    public StepRole Program(string? source)
    {
        const string step = "the worker program:";
        if (source is null) throw Error(step, "needs a doc string holding the program's module source");
        if (_source is not null) throw Error(step, "the program is already given");
        _source = source;
        return StepRole.Arrange;
    }

    /// <summary><c>Given the compatibility date "YYYY-MM-DD"</c>.</summary>
    public StepRole CompatibilityDate(string date)
    {
        var step = $"the compatibility date \"{date}\"";
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw Error(step, $"\"{date}\" is not a date written YYYY-MM-DD");
        if (_compatibilityDate is not null) throw Error(step, "the compatibility date is already given");
        _compatibilityDate = date;
        return StepRole.Arrange;
    }

    /// <summary><c>Given the Durable Object class "Counter" bound as "COUNTER"</c> (issue 20, item 1).</summary>
    public StepRole DurableObject(string className, string binding) =>
        Declare(new PlatformBinding(PlatformBindingKind.DurableObject, className, binding), $"the Durable Object class \"{className}\" bound as \"{binding}\"");

    /// <summary><c>Given the WorkerEntrypoint class "Greeter" reached through the service binding "GREETER"</c> (issue 20, item 1).</summary>
    public StepRole Entrypoint(string className, string binding) =>
        Declare(new PlatformBinding(PlatformBindingKind.Entrypoint, className, binding),
            $"the WorkerEntrypoint class \"{className}\" reached through the service binding \"{binding}\"");

    /// <summary>
    /// <c>Given the worker is its own Cache API backend</c> (issue 20, OBS-BOUNDARY-CACHE-1): caches.default sends its put and match
    /// to the program's own fetch handler, as workerd's <c>cacheApiOutbound</c> does.
    /// </summary>
    public StepRole CacheBackend()
    {
        if (_cacheBackend) throw Error("the worker is its own Cache API backend", "the cache backend is already declared");
        _cacheBackend = true;
        return StepRole.Arrange;
    }

    /// <summary>
    /// <c>Given the worker's scheduled and queue handlers are reached through env.SELF</c> (issue 20, OBS-BOUNDARY-HANDLERS-1):
    /// <c>env.SELF.scheduled()</c> and <c>env.SELF.queue()</c> invoke the program's handlers, as workerd's experimental
    /// <c>service_binding_extra_handlers</c> does.
    /// </summary>
    public StepRole ExtraHandlers()
    {
        if (_extraHandlers) throw Error("the worker's scheduled and queue handlers are reached through env.SELF", "the handlers are already declared");
        _extraHandlers = true;
        return StepRole.Arrange;
    }

    /// <summary>
    /// <c>Given the worker is its own queue broker, bound as "Q"</c> (issue 20, OBS-BOUNDARY-QUEUE-1): <c>env.Q</c> is a queue producer
    /// whose broker is the program's own fetch handler (workerd's queue binding naming the program's service), and env.SELF gets
    /// <c>queue()</c> so the broker can hand the messages to the program's queue handler.
    /// </summary>
    public StepRole QueueBroker(string binding)
    {
        var step = $"the worker is its own queue broker, bound as \"{binding}\"";
        if (_queueBroker is not null) throw Error(step, $"the queue broker is already declared (bound as {_queueBroker.Value.Binding})");
        // The queue binding shares env with the declared classes: the same name rules (checked against them in Build).
        if (PlatformBindings.Problem([], new PlatformBinding(PlatformBindingKind.Entrypoint, "Queue", binding)) is { } problem) throw Error(step, problem);
        _queueBroker = (binding, step);
        return StepRole.Arrange;
    }

    private StepRole Declare(PlatformBinding binding, string step)
    {
        if (PlatformBindings.Problem([.. _bindings.Select(b => b.Binding)], binding) is { } problem) throw Error(step, problem);
        _bindings.Add((binding, step));
        return StepRole.Arrange;
    }

    /// <summary><c>When the test handler runs</c>.</summary>
    public StepRole RunTestHandler() => Act("the test handler runs", ScenarioPlan.TestHandlerOnly);

    /// <summary><c>When a request is sent</c> (GET /) or <c>When a request is sent to "/path"</c>.</summary>
    public StepRole SendRequest(string? path = null)
    {
        var step = path is null ? "a request is sent" : $"a request is sent to \"{path}\"";
        path ??= "/";
        if (!path.StartsWith('/')) throw Error(step, $"the path \"{path}\" must start with '/'");
        return Act(step, new ScenarioPlan([new WorkerRequest("GET", path)], Concurrent: false));
    }

    /// <summary><c>When N requests are sent concurrently</c> | <c>one after another</c>: GET /0 … /N-1.</summary>
    public StepRole SendRequests(int count, bool concurrent)
    {
        var step = $"{count} requests are sent {(concurrent ? "concurrently" : "one after another")}";
        if (count is < 1 or > 1000) throw Error(step, "the number of requests must be between 1 and 1000");
        var requests = Enumerable.Range(0, count).Select(i => new WorkerRequest("GET", $"/{i}")).ToArray();
        return Act(step, new ScenarioPlan(requests, concurrent));
    }

    /// <summary><c>Then the trace matches the verified snapshot</c>: the program is complete; the caller runs and compares it.</summary>
    public StepRole CheckTrace()
    {
        HasAssertion = true;
        return StepRole.Assert;
    }

    /// <summary>Applies one step by its text, through <see cref="StepVocabulary"/> (any keyword).</summary>
    public StepRole Apply(string text, string? docString) => StepVocabulary.Apply(this, keyword: null, text, docString);

    /// <summary>The program the steps so far describe; the compatibility date defaults to <see cref="ScenarioProgram.DefaultCompatibilityDate"/>.</summary>
    public ScenarioProgram Build(string scenarioId)
    {
        if (_source is null) throw new ScenarioDefinitionException("the scenario gives no program (step \"the worker program:\")");
        if (_plan is null) throw new ScenarioDefinitionException("the scenario has no action (a When step such as \"the test handler runs\")");
        foreach (var (binding, step) in _bindings)
            if (PlatformBindings.MissingClass(_source, binding) is { } missing) throw Error(step, missing);
        if (_queueBroker is { } queue && _bindings.FirstOrDefault(b => b.Binding.Binding == queue.Binding) is { Step: not null } clash)
            throw Error(queue.Step, $"the binding {queue.Binding} is already declared (for class {clash.Binding.ClassName})");
        return new ScenarioProgram(scenarioId, _source, _plan, _compatibilityDate ?? ScenarioProgram.DefaultCompatibilityDate)
        {
            NamesDate = _compatibilityDate is not null,
            Bindings = _bindings.Count == 0 ? [] : [.. _bindings.Select(b => b.Binding)],
            CacheBackend = _cacheBackend,
            ExtraHandlers = _extraHandlers || _queueBroker is not null,
            QueueBroker = _queueBroker?.Binding,
        };
    }

    private StepRole Act(string step, ScenarioPlan plan)
    {
        if (_plan is not null) throw Error(step, $"the scenario already has an action (\"{_actStep}\"); one action per scenario");
        _plan = plan;
        _actStep = step;
        return StepRole.Act;
    }

    internal static ScenarioDefinitionException Error(string step, string problem) => new($"step \"{step}\": {problem}");
}
