using Conformance.Harness.Execution;
using Conformance.Harness.Features;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Scenarios;

/// <summary>TF-14: no program sets a timer the driver's settle wait (TF-9) might not outlast.</summary>
public sealed class SettleBoundScanTests
{
    [Fact]
    public void Every_program_in_features_keeps_its_literal_delays_below_the_settle_bound()
    {
        var entries = FeatureCatalog.Load(Path.Combine(RepositoryRoot.Find(), "features")).Entries;
        var found = 0;
        var problems = new List<string>();
        foreach (var entry in entries)
        {
            var program = ScenarioCompiler.Compile(entry);
            foreach (var delay in SettleBoundScan.Delays(program.Source))
            {
                found++;
                if (!delay.Exempt && delay.Value >= ScenarioPlan.SettleBoundMs)
                    problems.Add($"{entry.Feature.RelativePath} / {entry.Name}: {delay.Call} waits {delay.Value} ms, not below {ScenarioPlan.SettleBoundMs}");
            }
        }
        Assert.True(entries.Count > 100, $"only {entries.Count} scenarios found");
        Assert.True(found > 50, $"only {found} delays found: the scan is blind");
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("setTimeout(() => f(1, 2), 150);", 150, false)]
    [InlineData("setInterval(tick, 7)", 7, false)]
    [InlineData("als.run('x', () => scheduler.wait(120))", 120, false)]
    [InlineData("await scheduler.wait(1000)", 1000, true)]
    [InlineData("setInterval(() => {}, 1000)", 1000, true)]
    [InlineData("AbortSignal.timeout(10)", 10, false)]
    [InlineData("scheduler.wait(path === '/0' ? 40 : 10)", 40, false)]
    public void A_literal_delay_is_found_with_its_value(string source, int value, bool exempt)
    {
        var delays = SettleBoundScan.Delays(source);
        Assert.Contains(new ProgramDelay(delays[0].Call, value, exempt), delays);
    }

    [Theory]
    [InlineData("// setTimeout(f, 500)\nconst x = 1;")]
    [InlineData("/* scheduler.wait(500) */")]
    [InlineData("console.log('setTimeout(f, 500)')")]
    [InlineData("setTimeout(f, delay)")]
    [InlineData("setTimeout(f, '/500')")]
    public void Comments_strings_and_variables_give_no_delay(string source) => Assert.Empty(SettleBoundScan.Delays(source));

    [Fact]
    public void A_url_in_a_string_does_not_start_a_comment() =>
        Assert.Single(SettleBoundScan.Delays("fetch('http://x'); setTimeout(f, 150);"), d => d.Value == 150);
}
