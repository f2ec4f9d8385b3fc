using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// Renders a <see cref="ScenarioPlan"/> as the `plan.mjs` module the driver imports (spec/trace-format.md, "What runs"):
/// <c>export default {"requests":[{"method":..,"path":..,"body":..}],"concurrent":..,"settleTurns":..,"settleMs":..};</c>
/// Every target (in-process or process) uses this one rendering.
/// </summary>
public static class PlanModule
{
    public const string FileName = "plan.mjs";

    private static readonly JsonSerializerOptions Json = new()
    {
        // A body is written as given; keep non-ASCII text readable, escapes are still valid JS.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Render(ScenarioPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var model = new PlanJson(
            plan.Requests.Select(r => new RequestJson(r.Method, r.Path, r.Body)).ToArray(),
            plan.Concurrent,
            plan.SettleTurns,
            plan.SettleMs);
        return $"export default {JsonSerializer.Serialize(model, Json)};\n";
    }

    private sealed record PlanJson(
        [property: JsonPropertyName("requests")] RequestJson[] Requests,
        [property: JsonPropertyName("concurrent")] bool Concurrent,
        [property: JsonPropertyName("settleTurns")] int SettleTurns,
        [property: JsonPropertyName("settleMs")] int SettleMs);

    private sealed record RequestJson(
        [property: JsonPropertyName("method")] string Method,
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("body")] string? Body);
}
