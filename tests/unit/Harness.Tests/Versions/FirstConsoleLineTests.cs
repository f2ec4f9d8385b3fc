using Xunit;
using Conformance.Harness.Targets;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Versions;

/// <summary>
/// TF-3a: writing the program's first line runs none of its code. On workerd 1.20250109.0 the first console.log loads
/// `process` and `Buffer` lazily and drains the microtask queue doing it, so without trace.mjs's own first line (written
/// before the program runs) a microtask queued before the program's first line prints before it. Installs that release into the runtime cache (npm) when it is
/// missing; where it cannot be installed the test skips, but under CI (CI=true) it fails.
/// </summary>
public sealed class FirstConsoleLineTests
{
    [Fact]
    public async Task A_microtask_queued_before_the_first_line_prints_after_it_on_a_2025_workerd()
    {
        const string release = "workerd@1.20250109.0";
        var target = TargetFactory.TryCreate(release, Root, null, out var problem) ?? throw new InvalidOperationException(problem);
        if (await target.CheckAvailabilityAsync(TestContext.Current.CancellationToken) is { } reason)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"CI must be able to install {release}: {reason}");
            Assert.Skip(reason);
        }
        var run = await RunAsync(target, Program("""
            export default {
              async test() {
                queueMicrotask(() => console.log('microtask'));
                console.log('synchronous');
                await null;
              },
            };
            """, date: "2025-01-09")); // the release's newest date
        AssertTrace(run, "log: \"synchronous\"", "log: \"microtask\"", "end", ExitLine.Ok);
    }
}
