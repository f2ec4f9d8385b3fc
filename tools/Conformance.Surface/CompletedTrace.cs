using System.Text.Json.Nodes;
using Conformance.Harness.Targets;

namespace Conformance.Surface;

/// <summary>
/// The JSON lines a dump program printed (the surface dump, the inventory walk), read from a completed run: TF-13, a completed
/// trace ends with the driver's `end` and then the target's exit line, `exit: ok` when the runtime finished cleanly.
/// </summary>
public static class CompletedTrace
{
    public static IReadOnlyList<JsonObject> JsonLines(string targetName, string id, TargetRun run)
    {
        if (run.Status != RunStatus.Completed || run.Trace.Count < 2 || run.Trace[^2] != "end" || run.Trace[^1] != ExitLine.Ok)
            throw new InvalidOperationException(
                $"{targetName} did not complete {id} ({run.Status}): {run.Detail}\n{string.Join("\n", run.Trace.TakeLast(5))}\n{string.Join("\n", run.StderrTail)}");
        return run.Trace.Take(run.Trace.Count - 2).Select(line => SurfaceTraceLine.TryRead(line) as JsonObject
            ?? throw new InvalidDataException($"{id}: the trace line \"{(line.Length > 200 ? line[..200] + "..." : line)}\" is not a JSON object after `log: `")).ToArray();
    }
}
