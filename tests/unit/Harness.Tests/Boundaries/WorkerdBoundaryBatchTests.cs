using System.Collections.Concurrent;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;
using Conformance.Harness.Targets.Process;
using static Harness.Tests.Process.ProcessTargetFixture;

namespace Harness.Tests.Boundaries;

/// <summary>
/// Issue 20, item 1: programs that declare Durable Objects and entrypoints still batch (TF-1b): two programs declaring the same
/// class and binding names share one `workerd test`, each reaching its own object and entrypoint, with its single-run trace; programs
/// that are each their own Cache API backend share one, each reaching its own cache.
/// </summary>
public sealed class WorkerdBoundaryBatchTests
{
    private static ScenarioProgram Declaring(string name) =>
        new(name, $$"""
            import { DurableObject, WorkerEntrypoint } from 'cloudflare:workers';
            export class Counter extends DurableObject {
              bump() { this.n = (this.n ?? 0) + 1; return `{{name}} object ${this.n}`; }
            }
            export class Greeter extends WorkerEntrypoint { greet() { return '{{name}} entrypoint'; } }
            export default {
              async test(controller, env) {
                const stub = env.COUNTER.get(env.COUNTER.idFromName('shared name'));
                console.log(await stub.bump(), await env.GREETER.greet());
              },
            };
            """, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate)
        {
            Bindings = [new(PlatformBindingKind.DurableObject, "Counter", "COUNTER"), new(PlatformBindingKind.Entrypoint, "Greeter", "GREETER")],
        };

    /// <summary>Runs <paramref name="programs"/> as one batch on workerd, asserting none fell back to a run alone; also returns the target.</summary>
    private static async Task<(IReadOnlyList<TargetRun> Runs, ITarget Target)> BatchAsync(params ScenarioProgram[] programs)
    {
        var target = await AvailableAsync("workerd");
        var alone = new ConcurrentBag<string>();
        var batch = new WorkerdBatchRun(Executables.Pinned(Root, WorkerdTarget.PinnedBinary), DriverFiles.FromRepository(), ProcessTargetOptions.Default,
            (program, t, ct) => { alone.Add(program.Id); return target.RunAsync(program, t, ct); });
        var runs = await batch.RunAsync(programs, Generous, TestContext.Current.CancellationToken);
        Assert.Empty(alone);
        return (runs, target);
    }

    [Fact]
    public async Task Programs_declaring_the_same_classes_batch_each_with_its_own_objects()
    {
        ScenarioProgram[] programs = [Declaring("a"), Declaring("b")];
        var (runs, target) = await BatchAsync(programs);
        foreach (var (run, name) in runs.Zip(["a", "b"]))
            Assert.Equal([$"log: \"{name} object 1\" \"{name} entrypoint\"", "end", ExitLine.Ok], run.Trace);
        var single = await target.RunAsync(programs[0], Generous, TestContext.Current.CancellationToken);
        Assert.Equal(runs[0].Trace, single.Trace);
    }

    /// <summary>A program that is its own Cache API backend (OBS-BOUNDARY-CACHE-1): what it puts comes back from its own backend only.</summary>
    private static ScenarioProgram Caching(string name) =>
        new(name, $$"""
            const kept = new Map();
            export default {
              async fetch(request) {
                if (request.method === 'PUT') { kept.set(request.url, await request.text()); return new Response(null, { status: 204 }); }
                const entry = kept.get(request.url);
                return entry === undefined ? new Response(null, { headers: { 'cf-cache-status': 'MISS' } })
                  : new Response(entry.slice(entry.indexOf('\r\n\r\n') + 4), { headers: { 'cf-cache-status': 'HIT' } });
              },
              async test() {
                const other = await caches.default.match('http://conformance.test/{{(name == "a" ? "b" : "a")}}');
                await caches.default.put('http://conformance.test/{{name}}', new Response('{{name}} body'));
                console.log(other === undefined, await (await caches.default.match('http://conformance.test/{{name}}')).text());
              },
            };
            """, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate) { CacheBackend = true };

    [Fact]
    public async Task Programs_that_are_their_own_cache_backends_batch_each_with_its_own_cache()
    {
        ScenarioProgram[] programs = [Caching("a"), Caching("b")];
        var (runs, target) = await BatchAsync(programs);
        foreach (var (run, name) in runs.Zip(["a", "b"]))
            Assert.Equal([$"log: true \"{name} body\"", "end", ExitLine.Ok], run.Trace);
        var single = await target.RunAsync(programs[0], Generous, TestContext.Current.CancellationToken);
        Assert.Equal(runs[0].Trace, single.Trace);
    }

    [Fact]
    public async Task A_program_reaching_its_handlers_batches_with_one_that_does_not()
    {
        var handlers = new ScenarioProgram("h", """
            export default {
              scheduled(controller) { console.log('scheduled', controller.cron); },
              async test(controller, env) { console.log((await env.SELF.scheduled({ cron: '1 * * * *' })).outcome); },
            };
            """, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate) { ExtraHandlers = true };
        var plain = new ScenarioProgram("p", "export default { test() { console.log('plain'); } };", ScenarioPlan.TestHandlerOnly,
            ScenarioProgram.DefaultCompatibilityDate);
        var (runs, target) = await BatchAsync(handlers, plain);
        Assert.Equal(["log: \"scheduled\" \"1 * * * *\"", "log: \"ok\"", "end", ExitLine.Ok], runs[0].Trace);
        Assert.Equal(["log: \"plain\"", "end", ExitLine.Ok], runs[1].Trace);
        Assert.Equal(runs[0].Trace, (await target.RunAsync(handlers, Generous, TestContext.Current.CancellationToken)).Trace);
    }

    /// <summary>A program that is its own queue broker (OBS-BOUNDARY-QUEUE-1): its producer's message reaches its own broker only.</summary>
    private static ScenarioProgram Brokering(string name) =>
        new(name, $$"""
            export default {
              async fetch(request) {
                console.log('{{name}} broker got', JSON.parse(new TextDecoder().decode(await request.arrayBuffer())));
                return Response.json({ metadata: { metrics: { backlogCount: 0, backlogBytes: 0, oldestMessageTimestamp: 0 } } });
              },
              async test(controller, env) { await env.Q.send('{{name}} message'); },
            };
            """, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate) { ExtraHandlers = true, QueueBroker = "Q" };

    [Fact]
    public async Task Programs_that_are_their_own_queue_brokers_batch_each_with_its_own_broker()
    {
        ScenarioProgram[] programs = [Brokering("a"), Brokering("b")];
        var (runs, target) = await BatchAsync(programs);
        foreach (var (run, name) in runs.Zip(["a", "b"]))
            Assert.Equal([$"log: \"{name} broker got\" \"{name} message\"", "end", ExitLine.Ok], run.Trace);
        Assert.Equal(runs[0].Trace, (await target.RunAsync(programs[0], Generous, TestContext.Current.CancellationToken)).Trace);
    }
}
