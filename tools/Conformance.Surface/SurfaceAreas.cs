namespace Conformance.Surface;

/// <summary>The areas of the surface; each becomes features/surface/&lt;id&gt;.feature under its requirement id (spec/requirements.md).</summary>
public static class SurfaceAreas
{
    public const string Exports = "exports";
    public const string AsyncLocalStorage = "async-local-storage";
    public const string AsyncResource = "async-resource";
    public const string Stubs = "stubs";
    public const string Options = "options";
    public const string BrandChecks = "brand-checks";
    public const string BoundFunctions = "bound-functions";

    private const string Observed = "workerd-observed";

    public static IReadOnlyList<SurfaceArea> All { get; } =
    [
        new(Exports, "the exports of node:async_hooks", "SURF-EXPORTS-1", Observed,
            "Every export, its type, and the default export's members."),
        new(AsyncLocalStorage, "the AsyncLocalStorage class", "SURF-ALS-1", Observed,
            "The constructor's own properties and every prototype member, with its property descriptor."),
        new(AsyncResource, "the AsyncResource class", "SURF-AR-1", Observed,
            "The constructor's own properties and every prototype member, with its property descriptor."),
        new(Stubs, "what the inert stubs return", "SURF-STUBS-1", Observed,
            "createHook and its hook, executionAsyncId, executionAsyncResource, triggerAsyncId, asyncWrapProviders, emitDestroy, asyncId."),
        new(Options, "constructor options", "SURF-OPTIONS-1", Observed,
            "What AsyncLocalStorage's defaultValue and name options and AsyncResource's type and options do."),
        new(BrandChecks, "members called on a wrong receiver", "SURF-BRAND-1", Observed,
            "Each prototype method and accessor called with `{}` as this, and the constructors called without new."),
        new(BoundFunctions, "bound and snapshot functions", "SURF-BOUND-NEW-1", Observed,
            "What the functions returned by bind and snapshot are (name, length, constructor) and what `new` on them does."),
    ];
}
