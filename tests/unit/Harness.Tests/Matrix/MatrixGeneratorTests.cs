using System.Text.RegularExpressions;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;
using Conformance.Matrix;
using Conformance.Matrix.Data;
using Conformance.Matrix.Model;
using Conformance.Matrix.Rendering;

namespace Harness.Tests.Matrix;

/// <summary>
/// What the propagation matrix's model (tools/Conformance.Matrix) makes is a valid set of scenarios with known requirement ids.
/// That the committed files are what it makes is tests/unit/Generate.Tests' (one staleness test for every generated file).
/// </summary>
public sealed partial class MatrixGeneratorTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void Every_generated_row_loads_with_a_unique_slug_a_profile_and_placeholders_filled()
    {
        using var temp = new TempDirectory();
        WriteModel(temp.Path, Root);
        var catalog = FeatureCatalog.Load(Path.Combine(temp.Path, "features"));

        Assert.NotEmpty(catalog.Entries);
        Assert.All(catalog.Entries, entry =>
        {
            Assert.Null(entry.Problem);
            var program = entry.Pickle!.Steps[0].Argument!.DocString!.Content;
            Assert.DoesNotMatch(Placeholder(), program);
            Assert.DoesNotMatch(Placeholder(), entry.Name);
        });
        Assert.Equal(catalog.Entries.Count, catalog.Entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_requirement_id_of_the_matrix_is_defined_in_spec_requirements()
    {
        var defined = Heading().Matches(File.ReadAllText(Path.Combine(Root, "spec", "requirements.md")))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var used = MatrixOutput.Files(Root).Where(f => f.Path.EndsWith(".feature", StringComparison.Ordinal))
            .SelectMany(f => TagId().Matches(f.Body).Select(m => m.Groups[1].Value))
            .Where(ScenarioTags.IsRequirementId).Distinct();
        var undefinedIds = used.Where(id => !defined.Contains(id)).ToArray();
        Assert.True(undefinedIds.Length == 0, $"ids with no heading in spec/requirements.md: {string.Join(", ", undefinedIds)}");
    }

    [Fact]
    public void Every_left_out_row_rule_drops_a_row_of_the_design_and_no_dropped_row_is_generated()
    {
        var design = Families.All.SelectMany(f => f.Sources.SelectMany(s => MatrixPlan.DesignRowsOf(f, s))).ToArray();
        var generated = MatrixPlan.All().ToHashSet();
        var designGenerated = MatrixPlan.DesignRows().ToArray();
        Assert.All(LeftOutList.Rows, rule =>
        {
            Assert.True(design.Any(rule.Matches), $"the rule '{rule.What}' matches no row of the design: remove it");
            Assert.False(generated.Any(rule.Matches), $"the rule '{rule.What}' matches a generated row");
        });
        Assert.Equal(design.Count(row => !LeftOutList.Rows.Any(rule => rule.Matches(row))), designGenerated.Length);
    }

    [Fact]
    public void Each_program_shape_puts_the_entry_where_it_says()
    {
        var source = Families.All[0].Sources[0];
        string Program(ProgramShape shape) => string.Join("\n", ProgramTemplate.Lines(source, shape));
        Assert.Contains("\n    await <enter>; // entry: <entry>\n    log('test');", Program(ProgramShape.InHandler));
        Assert.Contains("async test(controller, env, ctx) {\n    <enter>; // entry: <entry>\n    log('test returns');", Program(ProgramShape.OutlivingHandler));
        var topLevel = Program(ProgramShape.TopLevel);
        Assert.Contains("}\nawait <enter>; // entry: <entry>\nlog('top level');\nexport default {", topLevel);
        Assert.DoesNotContain("    await <enter>", topLevel);
        var capturedAtTopLevel = Program(ProgramShape.CapturedAtTopLevel);
        Assert.Contains("\nconst captured = als.run('a', () => AsyncLocalStorage.snapshot());\n", capturedAtTopLevel);
        Assert.Contains("\n    await <enter>; // entry: <entry>\n    log('test');", capturedAtTopLevel);
    }

    /// <summary>Writes the model's files (their bodies) under <paramref name="root"/>; the header is generate's and no parser needs it.</summary>
    internal static void WriteModel(string root, string sourceRoot)
    {
        foreach (var file in MatrixOutput.Files(sourceRoot))
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Body);
        }
    }

    [GeneratedRegex("<(entry|position|enter|create|case|code)>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^### ([A-Z]+(?:-[A-Z0-9]+)+)\b", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=\s)@([A-Za-z0-9-]+)")]
    private static partial Regex TagId();
}
