using Conformance.Harness.Targets;

namespace Conformance.Harness.Snapshots;

/// <summary>
/// What accept refuses to write as a verified snapshot (issue 18, item 6): a trace whose exit line (TF-13) says the program did
/// not run to its end, unless the scenario is tagged as being about exactly that. A load error (`exit: load failed`) needs
/// <c>@expects-load-error</c> (the errata whose page example does not load); a signal, an exit code, or a runtime stopped after
/// `end` needs <c>@expects-abnormal-exit</c>. Timeouts and crashes have no completed trace and are never written at all
/// (<see cref="SnapshotStore.Check"/>).
/// </summary>
public static class AcceptGuard
{
    public const string LoadErrorTag = "expects-load-error";
    public const string AbnormalExitTag = "expects-abnormal-exit";

    /// <summary>Why accept must not write <paramref name="trace"/> for a scenario with <paramref name="tags"/>, or null.</summary>
    public static string? Refusal(IReadOnlyList<string> trace, IEnumerable<string> tags)
    {
        var exit = trace.Count > 0 ? trace[^1] : "";
        if (exit is ExitLine.Ok or ExitLine.TestFailed) return null;
        var tagged = tags.Select(t => t.TrimStart('@')).ToHashSet(StringComparer.Ordinal);
        var (what, tag) = exit == ExitLine.LoadFailed
            ? ("the program did not load", LoadErrorTag)
            : exit.StartsWith("exit: ", StringComparison.Ordinal)
                ? ("the runtime did not end normally", AbnormalExitTag)
                : ("the trace has no exit line", AbnormalExitTag);
        if (tagged.Contains(tag) && exit.StartsWith("exit: ", StringComparison.Ordinal)) return null;
        return $"accept refused: the trace ends `{(exit.Length > 0 ? exit : "(nothing)")}`: {what}, and the scenario is not tagged @{tag}. " +
            $"Read the received trace; fix the program, or tag the scenario @{tag} if that ending is what it is about.";
    }
}
