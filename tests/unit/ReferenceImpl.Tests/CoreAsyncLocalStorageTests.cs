using Workers.AsyncContext;
using Xunit;

namespace ReferenceImpl.Tests;

public class CoreAsyncLocalStorageTests
{
    public static TheoryData<string> Carriers => new() { "plain", "execution-context" };

    private static IAsyncContextCarrier Make(string kind) =>
        kind == "plain" ? new PlainCarrier() : new ExecutionContextCarrier();

    [Theory, MemberData(nameof(Carriers))] // ALS-CTOR-1, ALS-GETSTORE-2
    public void New_instance_has_no_store_outside_run(string kind)
    {
        var als = new AsyncLocalStorage(Make(kind));
        Assert.Null(als.GetStore());
    }

    [Theory, MemberData(nameof(Carriers))] // ALS-RUN-1, ALS-GETSTORE-1, ALS-RUN-2
    public void Run_returns_the_callback_value_and_restores(string kind)
    {
        var als = new AsyncLocalStorage(Make(kind));
        var seen = als.Run("s", () => als.GetStore());
        Assert.Equal("s", seen);
        Assert.Null(als.GetStore());
    }

    [Theory, MemberData(nameof(Carriers))] // ALS-RUN-5
    public void Run_rethrows_and_restores(string kind)
    {
        var als = new AsyncLocalStorage(Make(kind));
        var ex = Assert.Throws<InvalidOperationException>(() => als.Run<int>("s", () => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", ex.Message);
        Assert.Null(als.GetStore());
    }

    [Theory, MemberData(nameof(Carriers))] // ALS-RUN-2: nesting restores the outer store
    public void Nested_runs_restore_outer_store(string kind)
    {
        var als = new AsyncLocalStorage(Make(kind));
        var trail = als.Run(1, () => new[] { als.GetStore(), als.Run(2, () => als.GetStore()), als.GetStore() });
        Assert.Equal(new object?[] { 1, 2, 1 }, trail);
    }

    [Theory, MemberData(nameof(Carriers))] // ALS-EXIT-1, ALS-EXIT-2
    public void Exit_runs_without_a_store_and_returns(string kind)
    {
        var als = new AsyncLocalStorage(Make(kind));
        var result = als.Run(1, () => (als.Exit(() => als.GetStore()), als.GetStore()));
        Assert.Null(result.Item1);
        Assert.Equal(1, result.Item2);
    }

    [Theory, MemberData(nameof(Carriers))] // ALS-MULTI-1
    public void Instances_are_independent(string kind)
    {
        var carrier = Make(kind);
        var a = new AsyncLocalStorage(carrier);
        var b = new AsyncLocalStorage(carrier);
        var seen = a.Run(123, () => b.Run(321, () => $"{a.GetStore()}-{b.GetStore()}"));
        Assert.Equal("123-321", seen);
        Assert.Equal("123-", a.Run(123, () => b.Exit(() => $"{a.GetStore()}-{b.GetStore()}")));
    }

    [Theory, MemberData(nameof(Carriers))] // ALS-BIND-1
    public void Bind_enters_the_frame_of_bind_time(string kind)
    {
        var carrier = Make(kind);
        var als = new AsyncLocalStorage(carrier);
        var bound = als.Run(123, () => AsyncLocalStorage.Bind(carrier, () => als.GetStore()));
        Assert.Equal(123, bound());
        Assert.Equal(123, als.Run(9, bound));
        Assert.Null(als.GetStore());
    }

    [Theory, MemberData(nameof(Carriers))] // ALS-SNAPSHOT-1
    public void Snapshot_runs_any_function_in_its_frame(string kind)
    {
        var carrier = Make(kind);
        var als = new AsyncLocalStorage(carrier);
        var snapshot = als.Run("abc", () => AsyncLocalStorage.Snapshot(carrier));
        Assert.Equal("abc", snapshot.Run(() => als.GetStore()));
        Assert.Equal("abc", als.Run("other", () => snapshot.Run(() => als.GetStore())));
        Assert.Null(als.GetStore());
    }

    [Fact] // ALS-RUN-3 with the ExecutionContext carrier: await, Task.Run, continuations
    public async Task Store_flows_through_await_TaskRun_and_continuations()
    {
        var als = new AsyncLocalStorage(new ExecutionContextCarrier());
        var seen = await als.Run("req", async () =>
        {
            await Task.Yield();
            var afterAwait = als.GetStore();
            var inTaskRun = await Task.Run(() => als.GetStore());
            var inContinuation = await Task.Delay(1).ContinueWith(_ => als.GetStore());
            return (afterAwait, inTaskRun, inContinuation);
        });
        Assert.Equal(("req", "req", "req"), (seen.afterAwait, seen.inTaskRun, seen.inContinuation));
        Assert.Null(als.GetStore());
    }

    [Fact] // ALS-RUN-3 + ALS-MULTI-1: concurrent flows keep their own store
    public async Task Concurrent_flows_keep_their_own_store()
    {
        var als = new AsyncLocalStorage(new ExecutionContextCarrier());
        var tasks = Enumerable.Range(0, 20).Select(i => als.Run(i, async () =>
        {
            await Task.Delay(20 - i);
            return (int)als.GetStore()!;
        })).ToArray();
        Assert.Equal(Enumerable.Range(0, 20), await Task.WhenAll(tasks));
    }

    [Fact] // OBS-REQUEST-BOUND-1
    public void Scope_bound_snapshot_refuses_another_request()
    {
        var carrier = new PlainCarrier { BindsSnapshotsToScope = true };
        var als = new AsyncLocalStorage(carrier);
        object requestA = new(), requestB = new();
        carrier.Current = AsyncContextFrame.Empty.WithScope(requestA);
        var snapshot = als.Run(1, () => AsyncLocalStorage.Snapshot(carrier));
        Assert.Equal(1, snapshot.Run(() => als.GetStore()));
        carrier.Current = AsyncContextFrame.Empty.WithScope(requestB);
        Assert.Throws<AsyncContextScopeException>(() => snapshot.Run(() => als.GetStore()));
        carrier.BindsSnapshotsToScope = false;
        Assert.Equal(1, snapshot.Run(() => als.GetStore()));
    }

    [Fact] // OBS-REQUEST-BOUND-1: snapshots taken at top level work anywhere
    public void Top_level_snapshot_works_in_any_request()
    {
        var carrier = new PlainCarrier { BindsSnapshotsToScope = true };
        var als = new AsyncLocalStorage(carrier);
        var snapshot = als.Run("top", () => AsyncLocalStorage.Snapshot(carrier));
        carrier.Current = AsyncContextFrame.Empty.WithScope(new object());
        Assert.Equal("top", snapshot.Run(() => als.GetStore()));
    }
}
