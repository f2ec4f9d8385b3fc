using Conformance.Harness.Execution;

namespace Harness.Tests.Execution;

public sealed class ConformanceSettingsTests
{
    private static ConformanceSettings From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return ConformanceSettings.From(name => map.GetValueOrDefault(name), "/repo");
    }

    [Fact]
    public void Defaults_are_the_reference_target_and_repository_folders()
    {
        var settings = From();
        Assert.Equal("reference", settings.TargetName);
        Assert.False(settings.Accept);
        Assert.False(settings.AllowUnavailable);
        Assert.False(settings.UpdateExpectations);
        Assert.False(settings.NoBatch); // batching is on unless turned off
        Assert.Equal(Path.GetFullPath("/repo/reports/reference"), settings.ReportDirectory);
        Assert.Equal(Path.GetFullPath("/repo/features"), settings.FeaturesRoot);
        Assert.Equal(Path.GetFullPath("/repo/targets/expectations/reference.txt"), settings.ExpectationsFile);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Timeout);
        Assert.Null(settings.Shard);
        Assert.Empty(settings.Problems);
    }

    [Fact]
    public void Variables_override_the_defaults()
    {
        var settings = From(("CONFORMANCE_TARGET", "node"), ("CONFORMANCE_ACCEPT", "1"), ("CONFORMANCE_ACCEPT_FROM", "node"), ("CONFORMANCE_REPORT_DIR", "/tmp/r"),
            ("CONFORMANCE_SHARD", "2/3"), ("CONFORMANCE_TIMEOUT_SECONDS", "2.5"), ("CONFORMANCE_FEATURES", "other"), ("CONFORMANCE_PARALLELISM", "2"));
        Assert.Equal("node", settings.TargetName);
        Assert.True(settings.Accept);
        Assert.Equal(Path.GetFullPath("/tmp/r"), settings.ReportDirectory);
        Assert.Equal(new ShardSpec(2, 3), settings.Shard);
        Assert.Equal(TimeSpan.FromSeconds(2.5), settings.Timeout);
        Assert.Equal(Path.GetFullPath("/repo/other"), settings.FeaturesRoot);
        Assert.Equal(Path.GetFullPath("/repo/targets/expectations/node.txt"), settings.ExpectationsFile);
        Assert.Equal(2, settings.MaxParallelism);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("0", false)]
    public void Allow_unavailable_and_update_expectations_are_flags(string value, bool on)
    {
        var settings = From(("CONFORMANCE_ALLOW_UNAVAILABLE", value), ("CONFORMANCE_UPDATE_EXPECTATIONS", value), ("CONFORMANCE_NO_BATCH", value));
        Assert.Equal((on, on, on), (settings.AllowUnavailable, settings.UpdateExpectations, settings.NoBatch));
    }

    [Fact]
    public void A_command_target_files_its_reports_under_command() =>
        Assert.Equal(Path.GetFullPath("/repo/reports/command"), From(("CONFORMANCE_TARGET", "command:node {dir}/x.mjs")).ReportDirectory);

    [Fact]
    public void Malformed_values_become_problems()
    {
        var settings = From(("CONFORMANCE_SHARD", "9/2"), ("CONFORMANCE_TIMEOUT_SECONDS", "soon"), ("CONFORMANCE_PARALLELISM", "-1"));
        Assert.Equal(3, settings.Problems.Count);
        Assert.Contains(settings.Problems, p => p.StartsWith("CONFORMANCE_SHARD"));
    }

    [Fact]
    public void Accept_from_a_target_other_than_workerd_is_a_problem_naming_the_override()
    {
        var problem = Assert.Single(From(("CONFORMANCE_TARGET", "node"), ("CONFORMANCE_ACCEPT", "1")).Problems);
        Assert.Contains("only from workerd", problem);
        Assert.Contains("-AcceptFrom node", problem);
        Assert.Contains("CONFORMANCE_ACCEPT_FROM=node", problem);
        Assert.NotEmpty(From(("CONFORMANCE_ACCEPT", "1")).Problems);
        Assert.NotEmpty(From(("CONFORMANCE_TARGET", "node"), ("CONFORMANCE_ACCEPT", "1"), ("CONFORMANCE_ACCEPT_FROM", "bun")).Problems);
    }

    [Fact]
    public void Accept_from_workerd_or_from_an_explicitly_named_target_is_allowed()
    {
        Assert.Empty(From(("CONFORMANCE_TARGET", "workerd"), ("CONFORMANCE_ACCEPT", "1")).Problems);
        Assert.Empty(From(("CONFORMANCE_TARGET", "node"), ("CONFORMANCE_ACCEPT", "1"), ("CONFORMANCE_ACCEPT_FROM", "node")).Problems);
        Assert.Empty(From(("CONFORMANCE_TARGET", "node"), ("CONFORMANCE_ACCEPT_FROM", "node")).Problems);
    }
}
