using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Harness.Scenarios;

/// <summary>What a step contributes: the program and its settings, the action, or the check of the trace.</summary>
public enum StepRole
{
    Arrange,
    Act,
    Assert,
}

/// <summary>
/// The one place where the Gherkin step vocabulary has meaning. The Reqnroll step definitions and the parallel executor's
/// pickle compiler both feed steps here, so a scenario means the same thing to both:
/// <code>
///   Given the worker program:            (doc string: the ES module)
///   And the compatibility date "2025-06-15"
///   When the test handler runs           | When a request is sent | When a request is sent to "/path"
///   When 3 requests are sent concurrently | When 3 requests are sent one after another
///   Then the trace matches the verified snapshot
/// </code>
/// Keywords (Given/When/Then/And/But) carry no meaning here; the text does.
/// </summary>
public sealed partial class ScenarioBuilder
{
    private string? _source;
    private string? _compatibilityDate;
    private ScenarioPlan? _plan;
    private string? _actStep;

    /// <summary>The step texts this builder knows, for error messages and documentation.</summary>
    public static IReadOnlyList<string> Vocabulary { get; } =
    [
        "the worker program:  (with a doc string holding the module)",
        "the compatibility date \"YYYY-MM-DD\"",
        "the test handler runs",
        "a request is sent",
        "a request is sent to \"/path\"",
        "N requests are sent concurrently",
        "N requests are sent one after another",
        "the trace matches the verified snapshot",
    ];

    public bool HasAssertion { get; private set; }

    /// <summary>Applies one step; throws <see cref="ScenarioDefinitionException"/> naming the step when it is not understood.</summary>
    public StepRole Apply(string text, string? docString)
    {
        ArgumentNullException.ThrowIfNull(text);
        var step = text.Trim();

        if (step == "the worker program:")
        {
            if (docString is null) throw Error(step, "needs a doc string holding the program's module source");
            if (_source is not null) throw Error(step, "the program is already given");
            _source = docString;
            return StepRole.Arrange;
        }
        if (CompatibilityDate().Match(step) is { Success: true } date)
        {
            var value = date.Groups[1].Value;
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw Error(step, $"\"{value}\" is not a date written YYYY-MM-DD");
            if (_compatibilityDate is not null) throw Error(step, "the compatibility date is already given");
            _compatibilityDate = value;
            return NoDocString(step, docString, StepRole.Arrange);
        }
        if (step == "the test handler runs")
            return Act(step, docString, ScenarioPlan.TestHandlerOnly);
        if (step == "a request is sent")
            return Act(step, docString, new ScenarioPlan([new WorkerRequest("GET", "/")], Concurrent: false));
        if (RequestTo().Match(step) is { Success: true } to)
        {
            var path = to.Groups[1].Value;
            if (!path.StartsWith('/')) throw Error(step, $"the path \"{path}\" must start with '/'");
            return Act(step, docString, new ScenarioPlan([new WorkerRequest("GET", path)], Concurrent: false));
        }
        if (ManyRequests().Match(step) is { Success: true } many)
        {
            if (!int.TryParse(many.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 1000)
                throw Error(step, "the number of requests must be between 1 and 1000");
            var requests = Enumerable.Range(0, count).Select(i => new WorkerRequest("GET", $"/{i}")).ToArray();
            return Act(step, docString, new ScenarioPlan(requests, Concurrent: many.Groups[2].Value == "concurrently"));
        }
        if (step == "the trace matches the verified snapshot")
        {
            HasAssertion = true;
            return NoDocString(step, docString, StepRole.Assert);
        }
        throw new ScenarioDefinitionException(
            $"unknown step \"{step}\". The steps are:\n  " + string.Join("\n  ", Vocabulary));
    }

    /// <summary>The program the steps so far describe; the compatibility date defaults to <see cref="ScenarioProgram.DefaultCompatibilityDate"/>.</summary>
    public ScenarioProgram Build(string scenarioId)
    {
        if (_source is null) throw new ScenarioDefinitionException("the scenario gives no program (step \"the worker program:\")");
        if (_plan is null) throw new ScenarioDefinitionException("the scenario has no action (a When step such as \"the test handler runs\")");
        return new ScenarioProgram(scenarioId, _source, _plan, _compatibilityDate ?? ScenarioProgram.DefaultCompatibilityDate);
    }

    private StepRole Act(string step, string? docString, ScenarioPlan plan)
    {
        if (_plan is not null) throw Error(step, $"the scenario already has an action (\"{_actStep}\"); one action per scenario");
        _plan = plan;
        _actStep = step;
        return NoDocString(step, docString, StepRole.Act);
    }

    private static StepRole NoDocString(string step, string? docString, StepRole role) =>
        docString is null ? role : throw Error(step, "takes no doc string");

    private static ScenarioDefinitionException Error(string step, string problem) => new($"step \"{step}\": {problem}");

    [GeneratedRegex("^the compatibility date \"([^\"]*)\"$")]
    private static partial Regex CompatibilityDate();

    [GeneratedRegex("^a request is sent to \"([^\"]*)\"$")]
    private static partial Regex RequestTo();

    [GeneratedRegex("^(\\d+) requests are sent (concurrently|one after another)$")]
    private static partial Regex ManyRequests();
}
