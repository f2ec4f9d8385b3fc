using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>Why a recipe of an inventory source (issue 19, item 2) cannot give a candidate frame a store of its own.</summary>
public static class SourceFrameReasons
{
    public static MergedFrame CallStartsThePromise { get; } =
        new(CandidateFrame.Trigger, CandidateFrame.Creation, "the call that returns the promise is the one that starts what settles it");

    public static MergedFrame NextAsksAndRegisters { get; } =
        new(CandidateFrame.Trigger, CandidateFrame.Registration, "next() both asks for the value and returns the promise then() registers on");

    public static MergedFrame MadeBeforeAnyFrame(string what) =>
        new(CandidateFrame.Creation, CandidateFrame.None, $"{what} exists before the module runs: it was made in no frame");

    public static MergedFrame MadeWhenRegistered(string call) =>
        new(CandidateFrame.Creation, CandidateFrame.Registration, $"{call} makes the object and takes the callback in one call");

    public static MergedFrame RunsAtTheCheckpoint { get; } =
        new(CandidateFrame.Trigger, CandidateFrame.Registration, "it runs at the next checkpoint: no later call of the program triggers it");

    public static MergedFrame TimerStartedAtCreation { get; } =
        new(CandidateFrame.Trigger, CandidateFrame.Creation, "the timer started when the object was made fires from the event loop");
}
