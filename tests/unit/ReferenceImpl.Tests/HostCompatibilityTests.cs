using Workers.AsyncContext.Jint;
using Xunit;

namespace ReferenceImpl.Tests;

/// <summary>OBS-REQUEST-BOUND-1: bind_asynclocalstorage_snapshot_to_request (2025-06-16), checked against workerd.</summary>
public class HostCompatibilityTests
{
    private const string Program = HostKit.Prelude + """
        const top = als.run('top', () => AsyncLocalStorage.snapshot());
        let fromA;
        const tryit = (name, f) => { try { console.log(name, 'ok', f()); } catch (e) { console.log(name, 'threw', e.constructor.name); } };
        export default {
          async test(c, env) { await Promise.all([env.SELF.fetch('http://x.test/a'), env.SELF.fetch('http://x.test/b')]); },
          async fetch(req) {
            if (req.url.endsWith('/a')) {
              fromA = als.run('A', () => ({ snap: AsyncLocalStorage.snapshot(), bound: AsyncLocalStorage.bind(() => als.getStore()), res: new AsyncResource('x') }));
              tryit('own', () => fromA.snap(() => als.getStore()));
              await scheduler.wait(10);
              return new Response('a');
            }
            await scheduler.wait(5);
            tryit('top', () => top(() => als.getStore()));
            tryit('snap', () => fromA.snap(() => als.getStore()));
            tryit('bound', () => fromA.bound());
            tryit('res', () => fromA.res.runInAsyncScope(() => als.getStore()));
            return new Response('b');
          },
        };
        """;

    [Fact]
    public void From_2025_06_16_snapshots_are_request_bound()
    {
        var run = HostKit.Worker(Program, "2025-06-16");
        Assert.Equal(WorkerOutcome.Completed, run.Result.Outcome);
        Assert.Equal(["own ok A", "top ok top", "snap threw Error", "bound threw Error", "res threw Error"], run.Out);
    }

    [Fact]
    public void Before_2025_06_16_snapshots_work_in_any_request()
    {
        var run = HostKit.Worker(Program, "2025-06-15");
        Assert.Equal(WorkerOutcome.Completed, run.Result.Outcome);
        Assert.Equal(["own ok A", "top ok top", "snap ok A", "bound ok A", "res ok A"], run.Out);
    }

    [Theory]
    [InlineData("2025-06-15", false, false)]
    [InlineData("2025-06-16", true, false)]
    [InlineData("2026-03-02", true, false)]
    [InlineData("2026-03-03", true, true)]
    public void Flags_from_date(string date, bool bound, bool afterCheckpoint)
    {
        Assert.Equal(new CompatibilityFlags(bound, afterCheckpoint), CompatibilityFlags.FromDate(date));
    }

    [Fact]
    public void Bad_date_is_rejected() => Assert.Throws<ArgumentException>(() => CompatibilityFlags.FromDate("2025/06/16"));

    /// <summary>-CompatibilityFlags: a flag named in the list is on whatever the date, as in a workerd config.</summary>
    [Theory]
    [InlineData("bind_asynclocalstorage_snapshot_to_request", true, false)]
    [InlineData("unhandled_rejection_after_microtask_checkpoint", false, true)]
    [InlineData("nodejs_compat", false, false)]
    public void Flags_named_turn_on_before_their_date(string name, bool bound, bool afterCheckpoint) =>
        Assert.Equal(new CompatibilityFlags(bound, afterCheckpoint), CompatibilityFlags.FromDate("2025-01-01", [name]));
}
