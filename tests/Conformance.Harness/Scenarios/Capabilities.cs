namespace Conformance.Harness.Scenarios;

/// <summary>A part of the Workers platform a target may provide (issue 20, item 3), and how a report names its absence.</summary>
public sealed record Capability(string Name, string Lacking);

/// <summary>
/// The capabilities a scenario can need: implied by its declared bindings (<see cref="PlatformBinding.Needs"/>) or named by a
/// tag <c>@needs:&lt;capability&gt;</c>. A scenario needing one its target lacks is NOT-APPLICABLE naming it, counted apart
/// and never a pass (spec/runtime-bridges.md, "Capabilities").
/// </summary>
public static class Capabilities
{
    /// <summary>The tag prefix: <c>@needs:websocket-pair</c>.</summary>
    public const string TagPrefix = "needs:";

    public static Capability DurableObjects { get; } = new("durable-objects", "no Durable Objects");
    public static Capability Rpc { get; } = new("rpc", "no RPC to WorkerEntrypoint classes");
    public static Capability WebSocketPair { get; } = new("websocket-pair", "no WebSocketPair");
    public static Capability HtmlRewriter { get; } = new("html-rewriter", "no HTMLRewriter");
    /// <summary>A subrequest's body crossing the platform's I/O (OBS-BOUNDARY-SUBREQUEST-1); a bridge's env.SELF.fetch hands the stream over as it is.</summary>
    public static Capability SubrequestBodies { get; } = new("subrequest-bodies", "no subrequest body crossing the platform's I/O");

    /// <summary>caches.default with the program as its backend (<c>Given the worker is its own Cache API backend</c>, OBS-BOUNDARY-CACHE-1).</summary>
    public static Capability CacheApi { get; } = new("cache-api", "no Cache API");

    /// <summary>env.SELF.scheduled() and env.SELF.queue() invoking the program's handlers (OBS-BOUNDARY-HANDLERS-1).</summary>
    public static Capability HandlerInvocation { get; } = new("handler-invocation", "no scheduled or queue handler invocation");

    /// <summary>A queue producer binding whose broker is the program (<c>Given the worker is its own queue broker, bound as "Q"</c>, OBS-BOUNDARY-QUEUE-1).</summary>
    public static Capability Queues { get; } = new("queues", "no Queues");

    public static IReadOnlyList<Capability> All { get; } = [DurableObjects, Rpc, WebSocketPair, HtmlRewriter, SubrequestBodies, CacheApi, HandlerInvocation, Queues];

    /// <summary>What the Workers platform provides: workerd.</summary>
    public static IReadOnlySet<string> WorkersPlatform { get; } = All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// What the reference implements (issue 20, item 4): the platform without HTMLRewriter, which needs an HTML parser the
    /// reference does not have, so its rows are NOT-APPLICABLE there.
    /// </summary>
    public static IReadOnlySet<string> ReferenceHost { get; } = All.Where(c => c != HtmlRewriter).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    public static Capability? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>The capabilities the tags name, and the tags that name none this table knows (a feature problem).</summary>
    public static (IReadOnlyList<Capability> Needed, IReadOnlyList<string> Unknown) FromTags(IEnumerable<string> tags)
    {
        var needed = new List<Capability>();
        var unknown = new List<string>();
        foreach (var tag in tags.Select(t => t.TrimStart('@')).Where(t => t.StartsWith(TagPrefix, StringComparison.Ordinal)))
        {
            if (Find(tag[TagPrefix.Length..]) is { } capability) needed.Add(capability);
            else unknown.Add(tag);
        }
        return (needed, unknown);
    }

    /// <summary>Every capability the program's bindings and the scenario's known tags need, in table order.</summary>
    public static IReadOnlyList<Capability> NeededBy(ScenarioProgram program, IEnumerable<string> tags)
    {
        var names = program.Bindings.Select(b => b.Needs.Name).Concat(FromTags(tags).Needed.Select(c => c.Name))
            .Concat(program.CacheBackend ? [CacheApi.Name] : []).Concat(program.ExtraHandlers ? [HandlerInvocation.Name] : [])
            .Concat(program.QueueBroker is not null ? [Queues.Name] : [])
            .ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(c => names.Contains(c.Name))];
    }
}
