using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>The reasons a source cannot give a candidate frame its own store, shared by the families' discriminating rows.</summary>
public static class FrameReasons
{
    public static MergedFrame TimerFires(CandidateFrame into) =>
        new(CandidateFrame.Trigger, into, "a timer fires from the event loop: no call of the program triggers it");

    public static MergedFrame MadeWithCallback(string call) =>
        new(CandidateFrame.Creation, CandidateFrame.Registration, $"{call} makes the operation and takes the callback in one call");

    public static MergedFrame GivenToConstructor { get; } =
        new(CandidateFrame.Registration, CandidateFrame.Creation, "the callback is a method of the object handed to the constructor");

    public static MergedFrame ConstructorCalls { get; } =
        new(CandidateFrame.Trigger, CandidateFrame.Creation, "the constructor itself calls it");

    public static MergedFrame AdoptedByTheRegistration(string how) =>
        new(CandidateFrame.Trigger, CandidateFrame.Registration, $"{how} starts the adoption: no later call triggers then()");

    public static MergedFrame ThrowMakesTheEvent { get; } =
        new(CandidateFrame.Creation, CandidateFrame.Trigger, "the event is made by the throw that triggers it");
}
