using System.Text.Json.Nodes;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Conformance.Surface;

/// <summary>
/// Observes the surface on a target (workerd by default) through the harness's own targets: first the members
/// program (which keys exist), then one dump program with every probe; each prints one JSON line per entry.
/// </summary>
public sealed class SurfaceDump(ITarget target)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<SurfaceDescription> RunAsync(CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in await RunAsync("surface/dump/members", ProbePrograms.Module(ProbePrograms.MembersBody.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')), cancellationToken))
        {
            var owner = line["owner"]?.GetValue<string>() ?? throw new InvalidDataException($"a members line without owner: {line.ToJsonString()}");
            keys[owner] = line["keys"]?.AsArray().Select(k => k?.GetValue<string>() ?? "").ToArray() ?? [];
        }

        var probes = SurfaceProbes.Build(keys);
        var observed = new JsonNode?[probes.Count];
        var seen = new bool[probes.Count];
        foreach (var line in await RunAsync("surface/dump/probes", ProbePrograms.Dump(probes), cancellationToken))
        {
            var index = line["index"]?.GetValue<int>() ?? throw new InvalidDataException($"a probe line without index: {line.ToJsonString()}");
            if (index < 0 || index >= probes.Count) throw new InvalidDataException($"a probe line with index {index} out of range");
            if (line["probeFailed"] is { } failed)
                throw new InvalidDataException($"the probe of \"{probes[index].Subject}\" failed ({failed}): {probes[index].Probe}");
            observed[index] = line["observed"]?.DeepClone();
            seen[index] = true;
        }
        var missing = Array.FindIndex(seen, s => !s);
        if (missing >= 0) throw new InvalidDataException($"the dump printed nothing for \"{probes[missing].Subject}\"");

        var entries = probes.Select((p, i) => new SurfaceEntry(p.Area, p.Subject, p.Probe, observed[i], p.WorkerdInternal)).ToArray();
        return new SurfaceDescription(
            "node:async_hooks", target.Name, ScenarioProgram.DefaultCompatibilityDate,
            "Written by `dotnet run --project tools/Conformance.Surface -- dump`; see spec/surface/README.md.",
            SurfaceAreas.All, entries);
    }

    private async Task<IReadOnlyList<JsonObject>> RunAsync(string id, string source, CancellationToken cancellationToken)
    {
        var program = new ScenarioProgram(id, source, ScenarioPlan.TestHandlerOnly, ScenarioProgram.DefaultCompatibilityDate);
        return CompletedTrace.JsonLines(target.Name, id, await target.RunAsync(program, Timeout, cancellationToken));
    }
}
