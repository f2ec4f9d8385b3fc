using Conformance.Matrix.Model;
using static Conformance.Matrix.Data.FrameReasons;
using static Conformance.Matrix.Data.SourceFrameReasons;

namespace Conformance.Matrix.Data;

/// <summary>
/// Recipes (issue 19, item 2) for Promise and its statics: a pending promise made in run('creation') (<c>deferred()</c>), the
/// reaction registered in run('registration'), settled in run('trigger'); each kind of rejection (Promise.reject, a reject
/// call, a throwing then handler, a throwing executor) has its own row.
/// </summary>
public static class GlobalPromiseRecipes
{
    private const string Reactions = "the reactions of the returned promise";
    private const string Value = "who(this), args[0]";
    private const string Reason = "who(this), args[0].message";
    private const string Resolve = "object.resolve('value')";
    private const string Reject = "object.reject(new Error('rejected'))";

    /// <summary>A promise already rejected, its rejection handled once so no unhandled-rejection report runs between the steps.</summary>
    private const string Handled = "(() => { const promise = Promise.reject(new Error('rejected')); promise.catch(() => {}); return promise; })()";

    public static SourceRecipes Promises { get; } = new("globals", "promise", "Promise",
    [
        new("Promise", Reactions, "new Promise, the then of a promise resolved later", "deferred()", "object.promise.then(callback)", Resolve, Value),
        new("Promise", "the executor", "new Promise, its executor", "new Promise(callback)", "", "", "who(this), typeof args[0], typeof args[1]",
            [GivenToConstructor, ConstructorCalls]),
        new("Promise", Reactions, "new Promise, the catch of a throwing executor",
            "(() => { const promise = new Promise(() => { throw new Error('thrown'); }); promise.catch(() => {}); return promise; })()",
            "object.catch(callback)", "", Reason, [CallStartsThePromise]),
        new("Promise.all", Reactions, "Promise.all, its promise then", "deferred()", "Promise.all([object.promise]).then(callback)", Resolve, Value),
        new("Promise.allSettled", Reactions, "Promise.allSettled, its promise then", "deferred()",
            "Promise.allSettled([object.promise]).then(callback)", Reject, "who(this), args[0][0].status"),
        new("Promise.any", Reactions, "Promise.any, its promise then", "deferred()", "Promise.any([object.promise]).then(callback)", Resolve, Value),
        new("Promise.race", Reactions, "Promise.race, its promise then", "deferred()", "Promise.race([object.promise]).then(callback)", Resolve, Value),
        new("Promise.reject", Reactions, "Promise.reject, its promise catch", Handled, "object.catch(callback)", "", Reason, [CallStartsThePromise]),
        new("Promise.resolve", "a thenable's then", "Promise.resolve, the then method of a thenable", "({ then: callback })", "Promise.resolve(object)", "",
            "who(this, object), typeof args[0]", [AdoptedByTheRegistration("Promise.resolve")]),
        new("Promise.resolve", Reactions, "Promise.resolve, its promise then", "Promise.resolve('value')", "object.then(callback)", "", Value,
            [CallStartsThePromise]),
        new("Promise.try", Reactions, "Promise.try, its promise then", "deferred()", "Promise.try(() => object.promise).then(callback)", Resolve, Value),
        new("Promise.withResolvers", Reactions, "Promise.withResolvers, its promise then", "Promise.withResolvers()",
            "object.promise.then(callback)", Resolve, Value),
        new("Promise.prototype.then", Reactions, "then, the then of the promise it returns", "deferred()",
            "object.promise.then((value) => value).then(callback)", Resolve, Value),
        new("Promise.prototype.then", Reactions, "then, the catch after a throwing then handler", "deferred()",
            "object.promise.then(() => { throw new Error('thrown'); }).catch(callback)", Resolve, Reason),
        new("Promise.prototype.catch", Reactions, "catch, the catch of a promise rejected later", "deferred()",
            "object.promise.catch(callback)", Reject, Reason),
        new("Promise.prototype.finally", Reactions, "finally, its callback", "deferred()", "object.promise.finally(callback)", Resolve,
            "who(this), args.length"),
    ]);
}
