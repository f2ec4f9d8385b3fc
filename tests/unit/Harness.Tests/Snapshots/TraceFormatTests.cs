using System.Diagnostics;
using System.Text.Json;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Snapshots;

/// <summary>
/// targets/driver/trace.mjs's `format` (TF-4, TF-5, TF-6, TF-11, TF-12), run under the system `node` against a table of
/// JavaScript expressions and the text each must print as.
/// </summary>
public sealed class TraceFormatTests
{
    private static readonly (string Expression, string Expected)[] Table =
    [
        ("'a b'", "\"a b\""),
        ("'0'", "\"0\""),
        ("0", "0"),
        ("'null'", "\"null\""),
        ("null", "null"),
        ("'say \"hi\"\\n'", "\"say \\\"hi\\\"\\n\""),
        ("-0", "-0"),
        ("12n", "12n"),
        ("undefined", "undefined"),
        ("Symbol('s')", "Symbol(s)"),
        ("function named() {}", "[Function named]"),
        ("(() => () => {})()", "[Function (anonymous)]"),
        ("new TypeError('message')", "[TypeError]"),
        ("(() => { class MyError extends RangeError {} return new MyError(); })()", "[MyError]"),
        ("Promise.resolve(1)", "[Promise]"),
        ("[1, 'a', [true]]", "[1, \"a\", [true]]"),
        ("{ k: 'v', n: { m: 1 } }", "{k: \"v\", n: {m: 1}}"),
        ("Object.assign(Object.create(null), { a: 1 })", "{a: 1}"),
        ("{ a: 1, [Symbol('x')]: 2 }", "{a: 1, [Symbol(x)]: 2}"),
        ("Object.assign([1, 2], { extra: true, [Symbol('t')]: 0 })", "[1, 2, extra: true, [Symbol(t)]: 0]"),
        ("(() => { class Foo { constructor() { this.a = 1; this[Symbol('s')] = 'x'; } } return new Foo(); })()", "Foo {a: 1, [Symbol(s)]: \"x\"}"),
        ("(() => { class Foo {} class Bar extends Foo { b = 2; } return new Bar(); })()", "Bar {b: 2}"),
        ("(() => { class Empty {} return new Empty(); })()", "Empty {}"),
        ("new Map([['k', 1], [{ o: 1 }, 'v']])", "Map(2) {\"k\" => 1, {o: 1} => \"v\"}"),
        ("new Set([1, 2])", "Set(2) {1, 2}"),
        ("(() => { class Registry extends Map {} return new Registry([[1, 2]]); })()", "Registry(1) {1 => 2}"),
        ("(() => { class List extends Array {} return List.from([1, 2]); })()", "List(2) [1, 2]"),
        ("new Response('body')", "[Response]"),
        ("new EventTarget()", "[EventTarget]"),
        ("new AbortController().signal", "[AbortSignal]"),
        ("(() => { class Bus extends EventTarget { x = 1; } return new Bus(); })()", "[Bus]"),
        ("(() => { globalThis.AddedLater = class AddedLater { a = 1; }; return new AddedLater(); })()", "AddedLater {a: 1}"),
        ("new AsyncLocalStorage()", "[AsyncLocalStorage]"),
        ("(() => { class R extends AsyncResource { r = 1; } return new R('r'); })()", "[R]"),
        ("new Date(0)", "[Date]"),
        ("(() => { const o = { a: 1 }; o.self = o; return o; })()", "{a: 1, self: [Circular]}"),
        ("[[[[1]]]]", "[[[[Array]]]]"),
        ("{ a: { b: { c: { d: 1 } } } }", "{a: {b: {c: [Object]}}}"),
    ];

    [Fact]
    public void Every_value_prints_as_the_table_says()
    {
        var trace = Path.Combine(RepositoryRoot.Find(), "targets", "driver", "trace.mjs");
        var script = $$"""
            import { format } from {{JsonSerializer.Serialize(new Uri(trace).AbsoluteUri)}};
            import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
            const expressions = {{JsonSerializer.Serialize(Table.Select(t => t.Expression))}};
            const out = expressions.map((e) => format(new Function('AsyncLocalStorage', 'AsyncResource', `return (${e});`)(AsyncLocalStorage, AsyncResource)));
            process.stdout.write('\n' + JSON.stringify(out)); // after trace.mjs's own first line (TF-3a)
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--input-type=module");
        using var node = StartOrSkip(start);
        node.StandardInput.Write(script);
        node.StandardInput.Close();
        var stdout = node.StandardOutput.ReadToEnd();
        var stderr = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {stderr}");
        var printed = JsonSerializer.Deserialize<string[]>(stdout.Split('\n')[^1])!;
        var mismatches = Table.Zip(printed)
            .Where(pair => pair.First.Expected != pair.Second)
            .Select(pair => $"{pair.First.Expression}\n  expected {pair.First.Expected}\n  printed  {pair.Second}");
        Assert.Equal(Table.Length, printed.Length);
        Assert.Empty(mismatches);
    }

    private static System.Diagnostics.Process StartOrSkip(ProcessStartInfo start)
    {
        try
        {
            return System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Skip($"the system node is not on PATH: {e.Message}");
            throw; // not reached
        }
    }
}
