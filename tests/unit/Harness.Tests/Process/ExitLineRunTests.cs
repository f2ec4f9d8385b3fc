using Xunit;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Reference;
using Conformance.Harness.Scenarios;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Process;

/// <summary>
/// TF-13 on every target: the same situations give the same exit line, as `workerd test` reports them (observed on
/// workerd 2026-11-17: a throwing timer and a rejected waitUntil fail the test; an unhandled rejection and a throwing
/// microtask do not).
/// </summary>
public sealed class ExitLineRunTests
{
    public static TheoryData<string> Targets => new("reference", "workerd", "node", "node26", "deno", "bun");

    private static readonly ReferenceTarget Reference = new(DriverFiles.FromRepository());

    private static async Task<TargetRun> RunOn(string target, string source, [System.Runtime.CompilerServices.CallerMemberName] string id = "") =>
        target == ReferenceTarget.TargetName
            ? await Reference.RunAsync(Program(source, id: id), Generous, TestContext.Current.CancellationToken)
            : await RunAsync(await AvailableAsync(target), Program(source, id: id));

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_timer_that_throws_fails_the_test_after_end(string target) =>
        AssertTrace(await RunOn(target, "export default { test() { setTimeout(() => { throw new TypeError('t'); }, 1); } };"),
            "end", ExitLine.TestFailed);

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_rejected_waitUntil_fails_the_test_after_end(string target) =>
        AssertTrace(await RunOn(target, "export default { test(c, env, ctx) { ctx.waitUntil(Promise.reject(new TypeError('w'))); } };"),
            "end", ExitLine.TestFailed);

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_test_that_rejects_is_caught_by_the_driver_and_passes(string target) =>
        AssertTrace(await RunOn(target, "export default { async test() { throw new RangeError('r'); } };"),
            "test threw: RangeError", "end", ExitLine.Ok);

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task An_unhandled_rejection_and_a_throwing_microtask_do_not_fail_the_test(string target) =>
        AssertTrace(await RunOn(target, """
            export default { test() { Promise.reject(new TypeError('u')); queueMicrotask(() => { throw new TypeError('m'); }); } };
            """), "end", ExitLine.Ok);

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_load_error_ends_in_load_failed(string target) =>
        AssertTrace(await RunOn(target, "throw new RangeError('at load');"), "load error: RangeError", ExitLine.LoadFailed);
}
