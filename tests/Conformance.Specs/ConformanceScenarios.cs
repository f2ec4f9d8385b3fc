using Conformance.Specs.Session;
using Xunit;

namespace Conformance.Specs;

/// <summary>
/// Every scenario of features/ as one xunit theory row: display name "&lt;feature&gt; / &lt;scenario&gt;", traits
/// Requirement (one per id), Profile, Feature and ScenarioId, so `dotnet test --filter "Requirement=ALS-RUN-1"` selects.
/// </summary>
[TestCaseOrderer(typeof(ScenarioOrderer))]
public sealed class ConformanceScenarios
{
    public static IEnumerable<TheoryDataRow<string>> Rows() =>
        ConformanceSession.Catalog.Entries.Select(entry =>
        {
            var row = new TheoryDataRow<string>(entry.Key)
                .WithTestDisplayName(entry.DisplayName)
                .WithTrait("ScenarioId", entry.Id)
                .WithTrait("Feature", entry.Feature.RelativePath);
            if (entry.Tags.Profile is { } profile) row.WithTrait("Profile", profile);
            foreach (var requirement in entry.Tags.Requirements) row.WithTrait("Requirement", requirement);
            return row;
        });

    [Theory]
    [MemberData(nameof(Rows))]
    public Task Scenario(string key) => ScenarioRowRunner.RunAsync(key);
}
