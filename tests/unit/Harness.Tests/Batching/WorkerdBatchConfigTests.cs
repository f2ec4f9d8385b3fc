using Xunit;
using Conformance.Harness.Targets.Process;

namespace Harness.Tests.Batching;

/// <summary>The batch config gives each program its own worker under its single-run settings (TF-1b).</summary>
public sealed class WorkerdBatchConfigTests
{
    private static string WorkerBlock(string config, string service)
    {
        var start = config.IndexOf($"const {service} :Workerd.Worker = (", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no worker for {service}:\n{config}");
        var end = config.IndexOf("\n);", start, StringComparison.Ordinal);
        return config[start..end];
    }

    [Fact]
    public void Each_program_is_its_own_service_bound_to_itself_with_its_own_modules()
    {
        var config = WorkerdBatchConfig.Render(["2026-11-17", "2026-11-17", "2026-11-17"]);
        for (var key = 0; key < 3; key++)
        {
            var service = $"p{key}";
            Assert.Contains($"(name = \"{service}\", worker = .{service})", config);
            var worker = WorkerBlock(config, service);
            Assert.Contains($"(name = \"SELF\", service = \"{service}\")", worker);
            foreach (var module in new[] { "driver.mjs", "trace.mjs", "plan.mjs", "program.mjs" })
                Assert.Contains($"(name = \"{module}\", esModule = embed \"{service}/{module}\")", worker);
            Assert.DoesNotContain("embed \"driver.mjs\"", worker);
        }
        Assert.DoesNotContain("service = \"main\"", config);
    }

    [Fact]
    public void Each_worker_keeps_the_compatibility_date_and_flags_of_its_single_run()
    {
        var dates = new[] { "2024-01-01", "2026-11-17" };
        var config = WorkerdBatchConfig.Render(dates);
        for (var key = 0; key < dates.Length; key++)
        {
            var single = WorkerdConfig.Render(dates[key]);
            var singleWorker = WorkerBlock(single, "worker");
            var lines = singleWorker.Split('\n').Where(l => l.Contains("compatibility", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, lines.Count);
            var worker = WorkerBlock(config, $"p{key}");
            foreach (var line in lines) Assert.Contains(line, worker);
        }
        Assert.Contains("\"nodejs_compat\"", WorkerBlock(config, "p0"));
        Assert.DoesNotContain("nodejs_compat", WorkerBlock(config, "p1"));
    }

    [Fact]
    public void The_batch_has_no_network()
    {
        var config = WorkerdBatchConfig.Render(["2026-11-17", "2026-11-17"]);
        Assert.Contains("(name = \"internet\", network = (allow = []))", config);
        Assert.DoesNotContain("allow = [\"", config);
    }

    [Fact]
    public void A_bad_date_or_an_empty_batch_is_a_clear_error()
    {
        Assert.Throws<ArgumentException>(() => WorkerdBatchConfig.Render(["2026-11-17", "17/11/2026"]));
        Assert.Throws<ArgumentException>(() => WorkerdBatchConfig.Render([]));
    }

    [Fact]
    public void Each_program_keeps_its_own_added_compatibility_flags()
    {
        const string flag = "no_bind_asynclocalstorage_snapshot_to_request";
        var config = WorkerdBatchConfig.Render(["2026-11-17", "2026-11-17"], [[flag], []]);
        var p1 = config.IndexOf("const p1 :Workerd.Worker", StringComparison.Ordinal);
        Assert.True(p1 > 0, config);
        Assert.Contains(flag, config[..p1]);
        Assert.DoesNotContain(flag, config[p1..]);
    }
}
