using System.Text.Json;

namespace Conformance.Surface;

/// <summary>One thing to observe: a JS expression over Js/probe-helpers.js (spec/surface/README.md, "Probes").</summary>
public sealed record SurfaceProbe(string Area, string Subject, string Probe, bool WorkerdInternal = false);

/// <summary>
/// The probe catalogue. Members are found on the runtime (Js/members.js lists the own keys of each class and its
/// prototype, and the exports), so a member workerd adds is described without a change here.
/// </summary>
public static class SurfaceProbes
{
    public static readonly IReadOnlyList<string> Owners = ["AsyncLocalStorage", "AsyncLocalStorage.prototype", "AsyncResource", "AsyncResource.prototype"];

    /// <summary>The probes for the members found: <paramref name="keys"/> maps each owner (and "exports") to its own keys.</summary>
    public static IReadOnlyList<SurfaceProbe> Build(IReadOnlyDictionary<string, IReadOnlyList<string>> keys)
    {
        var probes = new List<SurfaceProbe>();
        var exports = Require(keys, "exports");
        probes.Add(new(SurfaceAreas.Exports, "export names", "Object.keys(asyncHooks).sort()"));
        foreach (var name in exports)
            probes.Add(new(SurfaceAreas.Exports, $"export {name}", $"attempt(() => asyncHooks[{Quote(name)}])"));
        foreach (var name in exports.Where(n => n != "default"))
            probes.Add(new(SurfaceAreas.Exports, $"default.{name} is the named export", $"same(() => asyncHooks.default?.[{Quote(name)}], () => asyncHooks[{Quote(name)}])"));

        foreach (var owner in Owners)
        {
            var area = owner.StartsWith("AsyncLocalStorage", StringComparison.Ordinal) ? SurfaceAreas.AsyncLocalStorage : SurfaceAreas.AsyncResource;
            probes.Add(new(area, $"own keys of {owner}", $"keysOf({owner})"));
            probes.Add(new(area, $"internal keys of {owner}", $"internalKeysOf({owner})", WorkerdInternal: true));
            foreach (var key in Require(keys, owner))
            {
                var isInternal = key.StartsWith("Symbol(", StringComparison.Ordinal);
                probes.Add(new(area, Member(owner, key), $"property({owner}, {KeyExpression(owner, key)})", isInternal));
                if (owner.EndsWith(".prototype", StringComparison.Ordinal) && key != "constructor")
                    probes.Add(new(SurfaceAreas.BrandChecks, $"{Member(owner, key)} on a wrong receiver", $"brand({owner}, {KeyExpression(owner, key)})", isInternal));
            }
        }
        probes.Add(new(SurfaceAreas.BrandChecks, "AsyncLocalStorage called without new", "attempt(() => AsyncLocalStorage())"));
        probes.Add(new(SurfaceAreas.BrandChecks, "AsyncResource called without new", "attempt(() => AsyncResource('T'))"));

        probes.AddRange(Fixed.Stubs.Select(p => new SurfaceProbe(SurfaceAreas.Stubs, p.Subject, p.Probe)));
        probes.AddRange(Fixed.Options.Select(p => new SurfaceProbe(SurfaceAreas.Options, p.Subject, p.Probe)));
        probes.AddRange(Fixed.Bound.Select(p => new SurfaceProbe(SurfaceAreas.BoundFunctions, p.Subject, p.Probe)));
        return probes;
    }

    private static IReadOnlyList<string> Require(IReadOnlyDictionary<string, IReadOnlyList<string>> keys, string owner) =>
        keys.TryGetValue(owner, out var found) ? found : throw new InvalidDataException($"the members program listed no keys for {owner}");

    private static string Member(string owner, string key) =>
        key.StartsWith("Symbol", StringComparison.Ordinal) ? $"{owner}[{key}]" : $"{owner}.{key}";

    /// <summary>A well-known symbol is written as itself; another symbol (a workerd internal) is found by its description.</summary>
    private static string KeyExpression(string owner, string key) =>
        key.StartsWith("Symbol.", StringComparison.Ordinal) ? key
        : key.StartsWith("Symbol(", StringComparison.Ordinal) ? $"Reflect.ownKeys({owner}).find((k) => String(k) === {Quote(key)})"
        : Quote(key);

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
