using System.Text.RegularExpressions;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;
using Conformance.Matrix;
using Conformance.Matrix.Data;
using Conformance.Matrix.Model;
using Conformance.Matrix.Rendering;

namespace Harness.Tests.Matrix;

/// <summary>
/// The propagation matrix's committed files (features/matrix/, docs/coverage.md) are exactly what its generator
/// (tools/Conformance.Matrix) writes, and what it writes is a valid set of scenarios with known requirement ids.
/// </summary>
public sealed partial class MatrixGeneratorTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Fact]
    public void Regenerating_into_a_fresh_folder_gives_the_committed_files()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, MatrixOutput.FeatureFolder));
        MatrixOutput.WriteTo(temp.Path, Root);

        var stale = Generated(temp.Path)
            .Where(relative => !File.Exists(Path.Combine(Root, relative))
                || File.ReadAllText(Path.Combine(Root, relative)) != File.ReadAllText(Path.Combine(temp.Path, relative)))
            .ToArray();
        Assert.True(stale.Length == 0,
            $"stale against tools/Conformance.Matrix (run: dotnet run --project tools/Conformance.Matrix): {string.Join(", ", stale)}");
    }

    [Fact]
    public void No_generated_feature_is_committed_that_the_model_no_longer_produces()
    {
        var expected = MatrixOutput.Files(Root).Keys.ToHashSet(StringComparer.Ordinal);
        var committed = Directory.EnumerateFiles(Path.Combine(Root, MatrixOutput.FeatureFolder), "*.feature")
            .Select(f => MatrixOutput.FeatureFolder + "/" + Path.GetFileName(f));
        var leftBehind = committed.Where(c => !expected.Contains(c)).ToArray();
        Assert.True(leftBehind.Length == 0, $"generated features the model no longer produces: {string.Join(", ", leftBehind)}");
    }

    [Fact]
    public void Writing_removes_a_generated_feature_the_model_dropped_and_keeps_a_hand_written_one()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, MatrixOutput.FeatureFolder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "dropped.feature"), Conformance.Matrix.Rendering.FeatureRenderer.Header + "\nFeature: old\n");
        File.WriteAllText(Path.Combine(folder, "hand-written.feature"), "Feature: mine\n");

        var changed = MatrixOutput.WriteTo(temp.Path, Root);

        Assert.False(File.Exists(Path.Combine(folder, "dropped.feature")));
        Assert.True(File.Exists(Path.Combine(folder, "hand-written.feature")));
        Assert.Contains($"{MatrixOutput.FeatureFolder}/dropped.feature (removed)", changed);
        Assert.Empty(MatrixOutput.WriteTo(temp.Path, Root)); // a second run changes nothing
    }

    [Fact]
    public void Every_generated_row_loads_with_a_unique_slug_a_profile_and_placeholders_filled()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, MatrixOutput.FeatureFolder));
        MatrixOutput.WriteTo(temp.Path, Root);
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
        var used = MatrixOutput.Files(Root).Where(f => f.Key.EndsWith(".feature", StringComparison.Ordinal))
            .SelectMany(f => TagId().Matches(f.Value).Select(m => m.Groups[1].Value))
            .Where(ScenarioTags.IsRequirementId).Distinct();
        var undefinedIds = used.Where(id => !defined.Contains(id)).ToArray();
        Assert.True(undefinedIds.Length == 0, $"ids with no heading in spec/requirements.md: {string.Join(", ", undefinedIds)}");
    }

    [Fact]
    public void Every_left_out_row_rule_drops_a_row_of_the_design_and_no_dropped_row_is_generated()
    {
        var design = Families.All.SelectMany(f => f.Sources.SelectMany(s => MatrixPlan.DesignRowsOf(f, s))).ToArray();
        var generated = MatrixPlan.All().ToHashSet();
        Assert.All(LeftOutList.Rows, rule =>
        {
            Assert.True(design.Any(rule.Matches), $"the rule '{rule.What}' matches no row of the design: remove it");
            Assert.False(generated.Any(rule.Matches), $"the rule '{rule.What}' matches a generated row");
        });
        Assert.Equal(design.Count(row => !LeftOutList.Rows.Any(rule => rule.Matches(row))), generated.Count);
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
    }

    private static IEnumerable<string> Generated(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));

    [GeneratedRegex("<(entry|position|enter|create|case|code)>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^### ([A-Z]+(?:-[A-Z0-9]+)+)\b", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=\s)@([A-Za-z0-9-]+)")]
    private static partial Regex TagId();
}
