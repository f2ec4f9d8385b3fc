using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Harness.Reports;
using Conformance.Harness.Requirements;
using Conformance.Harness.Targets.Versions;

namespace Conformance.Harness.Compat;

/// <summary>One feature of the compat file: its path under <see cref="CompatData.Root"/>, what it is, and which rows are its scenarios.</summary>
public sealed record CompatEntry(string Group, string Name, string Description, string SourceFile, Func<ScenarioResult, bool> Member);

/// <summary>
/// The compatibility data in the browser-compat-data shape (issue 21, item 4; docs/compat.md): a compat data file with one
/// top-level key, <c>api.AsyncLocalStorage</c>, holding one feature per requirement id of spec/requirements.md
/// (<c>requirements.&lt;id&gt;</c>) and one per propagation family of features/matrix/ (<c>propagation.&lt;family&gt;</c>), each
/// with <c>__compat.support</c> keyed by the runtime keys of runtime-compat-data (workerd, node, deno, bun) through
/// <see cref="SupportRule"/>. Checked against spec/schema/compat-data.v1.schema.json.
/// </summary>
public static class CompatData
{
    public const string Root = "AsyncLocalStorage";
    public const string SchemaPath = "spec/schema/compat-data.v1.schema.json";
    public const string MatrixFolder = "features/matrix";

    /// <summary>Every requirement id of the spec, then every propagation family (a feature file of features/matrix/).</summary>
    public static IReadOnlyList<CompatEntry> Entries(string repositoryRoot)
    {
        var spec = RequirementCatalog.Load(repositoryRoot);
        var entries = spec.Ids.Select(id => new CompatEntry("requirements", id,
            $"Requirement {id} of spec/requirements.md ({spec.Headings[id].Replace("**", "")})", RequirementCatalog.RequirementsFile,
            row => row.Requirements.Contains(id, StringComparer.Ordinal))).ToList();
        var matrix = Path.Combine(repositoryRoot, MatrixFolder);
        foreach (var family in Directory.Exists(matrix) ? Directory.GetFiles(matrix, "*.feature").Order(StringComparer.Ordinal).ToArray() : [])
        {
            var name = Path.GetFileNameWithoutExtension(family);
            var feature = $"matrix/{name}.feature";
            entries.Add(new CompatEntry("propagation", name, $"Propagation family {name}: the generated rows of {MatrixFolder}/{name}.feature",
                $"{MatrixFolder}/{name}.feature", row => row.Feature == feature));
        }
        return entries;
    }

    public static JsonObject Build(IReadOnlyList<CompatRun> runs, IReadOnlyList<CompatEntry> entries)
    {
        var byRuntime = RuntimeFamily.All.Select(f => (f.Name, Releases: runs.Where(r => r.Runtime == f.Name).ToArray())).ToArray();
        var api = new JsonObject();
        foreach (var entry in entries)
        {
            var support = new JsonObject();
            foreach (var (runtime, releases) in byRuntime)
                if (SupportRule.Of(releases, entry.Member) is { } statement) support[runtime] = statement;
            if (api[entry.Group] is not JsonObject group) api[entry.Group] = group = new JsonObject();
            group[entry.Name] = new JsonObject
            {
                ["__compat"] = new JsonObject
                {
                    ["description"] = entry.Description,
                    ["source_file"] = entry.SourceFile,
                    ["support"] = support,
                    ["status"] = new JsonObject { ["experimental"] = false, ["standard_track"] = false, ["deprecated"] = false },
                },
            };
        }
        return new JsonObject { ["api"] = new JsonObject { [Root] = api } };
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file's text: indented, "≤" and HTML written as they are, ending in a newline.</summary>
    public static string ToJson(JsonObject data) => data.ToJsonString(Json) + "\n";
}
