using Conformance.Harness.Requirements;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Links;

/// <summary>What the site shows beside each id: its heading after the id and dash (the profile and any note), "" when it has none.</summary>
public sealed class RequirementHeadingsTests
{
    [Fact]
    public void The_heading_after_the_id_is_kept_without_its_dash()
    {
        var spec = RequirementCatalog.Parse("### ALS-RUN-1 — documented\r\nText.\n\n### EX-CTOR-1 — documented (example)\n> code\n\n### OBS-THIS-1\nEvidence.\n", "");
        Assert.Equal("documented", spec.Headings["ALS-RUN-1"]);
        Assert.Equal("documented (example)", spec.Headings["EX-CTOR-1"]);
        Assert.Equal("", spec.Headings["OBS-THIS-1"]);
        Assert.Equal("> code\n\n", spec.Entries["EX-CTOR-1"]);
    }

    [Fact]
    public void Every_id_of_the_repository_spec_has_a_heading_that_names_a_profile()
    {
        var spec = RequirementCatalog.Load(RepositoryRoot.Find());
        string[] profiles = ["documented", "caveat", "workerd-observed", "erratum"];
        var without = spec.Ids.Where(id => spec.Headings[id].Length > 0 && !profiles.Any(p => spec.Headings[id].Contains(p, StringComparison.Ordinal))).ToArray();
        Assert.Empty(without);
    }
}
