namespace Conformance.Surface;

/// <summary>The probes that are written out rather than found: stub results, options, bound functions (spec/surface/README.md).</summary>
internal static class Fixed
{
    public static readonly IReadOnlyList<(string Subject, string Probe)> Stubs =
    [
        ("createHook with callbacks", "attempt(() => asyncHooks.createHook({ init() {}, before() {}, after() {}, destroy() {} }))"),
        ("createHook without arguments", "attempt(() => asyncHooks.createHook())"),
        ("the prototype of the hook", "attempt(() => Object.getPrototypeOf(asyncHooks.createHook({})))"),
        ("hook.enable", "attempt(() => asyncHooks.createHook({}).enable)"),
        ("hook.disable", "attempt(() => asyncHooks.createHook({}).disable)"),
        ("hook.enable() returns", "(() => { const hook = asyncHooks.createHook({}); return same(() => hook.enable(), () => hook); })()"),
        ("hook.disable() returns", "(() => { const hook = asyncHooks.createHook({}); return same(() => hook.disable(), () => hook); })()"),
        ("executionAsyncId()", "attempt(() => asyncHooks.executionAsyncId())"),
        ("executionAsyncId() inside run", "attempt(() => new AsyncLocalStorage().run('s', () => asyncHooks.executionAsyncId()))"),
        ("triggerAsyncId()", "attempt(() => asyncHooks.triggerAsyncId())"),
        ("executionAsyncResource()", "attempt(() => asyncHooks.executionAsyncResource())"),
        ("the prototype of executionAsyncResource()", "attempt(() => Object.getPrototypeOf(asyncHooks.executionAsyncResource()))"),
        ("executionAsyncResource() twice", "same(() => asyncHooks.executionAsyncResource(), () => asyncHooks.executionAsyncResource())"),
        ("asyncWrapProviders", "attempt(() => asyncHooks.asyncWrapProviders)"),
        ("asyncWrapProviders as JSON", "attempt(() => JSON.stringify(asyncHooks.asyncWrapProviders))"),
        ("asyncWrapProviders is frozen", "attempt(() => Object.isFrozen(asyncHooks.asyncWrapProviders))"),
        ("resource.emitDestroy() returns", "(() => { const resource = new AsyncResource('T'); return same(() => resource.emitDestroy(), () => resource); })()"),
        ("resource.asyncId()", "attempt(() => new AsyncResource('T').asyncId())"),
        ("resource.triggerAsyncId()", "attempt(() => new AsyncResource('T').triggerAsyncId())"),
    ];

    public static readonly IReadOnlyList<(string Subject, string Probe)> Options =
    [
        ("AsyncLocalStorage without options", "storage(() => undefined)"),
        ("AsyncLocalStorage options null", "storage(() => null)"),
        ("AsyncLocalStorage options 5", "storage(() => 5)"),
        ("AsyncLocalStorage options a string", "storage(() => 'x')"),
        ("AsyncLocalStorage options true", "storage(() => true)"),
        ("AsyncLocalStorage options empty object", "storage(() => ({}))"),
        ("AsyncLocalStorage options an unknown key", "storage(() => ({ unknown: 1 }))"),
        ("AsyncLocalStorage defaultValue a string", "storage(() => ({ defaultValue: 'd' }))"),
        ("AsyncLocalStorage defaultValue null", "storage(() => ({ defaultValue: null }))"),
        ("AsyncLocalStorage defaultValue undefined", "storage(() => ({ defaultValue: undefined }))"),
        ("AsyncLocalStorage name a string", "storage(() => ({ name: 'n' }))"),
        ("AsyncLocalStorage name a number", "storage(() => ({ name: 5 }))"),
        ("AsyncLocalStorage name null", "storage(() => ({ name: null }))"),
        ("AsyncLocalStorage name an object", "storage(() => ({ name: { toString() { return 'o'; } } }))"),
        ("AsyncLocalStorage option getters", "storage((read) => ({ get defaultValue() { read.push('defaultValue'); return 'g'; }, get name() { read.push('name'); return 'n'; }, get unknown() { read.push('unknown'); return 1; } }))"),
        ("AsyncResource without arguments", "resource(() => [])"),
        ("AsyncResource type only", "resource(() => ['T'])"),
        ("AsyncResource type a number", "resource(() => [42])"),
        ("AsyncResource type an object with toString", "resource((read) => [{ toString() { read.push('toString'); return 'T'; } }])"),
        ("AsyncResource options null", "resource(() => ['T', null])"),
        ("AsyncResource options 5", "resource(() => ['T', 5])"),
        ("AsyncResource options a string", "resource(() => ['T', 'x'])"),
        ("AsyncResource options empty object", "resource(() => ['T', {}])"),
        ("AsyncResource options an unknown key", "resource(() => ['T', { unknown: 1 }])"),
        ("AsyncResource requireManualDestroy", "resource(() => ['T', { requireManualDestroy: true }])"),
        ("AsyncResource triggerAsyncId 1", "resource(() => ['T', { triggerAsyncId: 1 }])"),
        ("AsyncResource triggerAsyncId undefined", "resource(() => ['T', { triggerAsyncId: undefined }])"),
        ("AsyncResource option getters", "resource((read) => ['T', { get triggerAsyncId() { read.push('triggerAsyncId'); return undefined; }, get requireManualDestroy() { read.push('requireManualDestroy'); return false; } }])"),
    ];

    public static readonly IReadOnlyList<(string Subject, string Probe)> Bound =
    [
        ("AsyncLocalStorage.bind(fn)", "attempt(() => AsyncLocalStorage.bind(target))"),
        ("new on AsyncLocalStorage.bind(fn)", "attempt(() => new (AsyncLocalStorage.bind(target))())"),
        ("AsyncLocalStorage.snapshot()", "attempt(() => AsyncLocalStorage.snapshot())"),
        ("new on AsyncLocalStorage.snapshot()", "attempt(() => new (AsyncLocalStorage.snapshot())(target))"),
        ("als.snapshot", "attempt(() => new AsyncLocalStorage().snapshot)"),
        ("resource.bind(fn)", "attempt(() => new AsyncResource('T').bind(target))"),
        ("new on resource.bind(fn)", "attempt(() => new (new AsyncResource('T').bind(target))())"),
        ("AsyncResource.bind(fn)", "attempt(() => AsyncResource.bind(target))"),
        ("new on AsyncResource.bind(fn)", "attempt(() => new (AsyncResource.bind(target))())"),
        ("the asyncResource property of resource.bind(fn)", "attempt(() => new AsyncResource('T').bind(target).asyncResource)"),
    ];
}
