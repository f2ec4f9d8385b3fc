namespace Conformance.Matrix.Model;

/// <summary>
/// The frames a callback could run in (issue 19, item 2). The six names are the vocabulary the inventory's classification
/// of async sources uses too (branch <c>inventory</c>), so a source's candidate frames and its discriminating rows meet.
/// </summary>
public enum CandidateFrame
{
    /// <summary>Where the object that will call back was made (the stream, the emitter, the promise, the timer).</summary>
    Creation,

    /// <summary>Where the callback was handed to it (addEventListener, then, on, the underlying source's method).</summary>
    Registration,

    /// <summary>Where the call was made that leads to the callback (dispatchEvent, resolve, emit, read, postMessage).</summary>
    Trigger,

    /// <summary>The request's own frame: the store the handler itself runs in.</summary>
    Request,

    /// <summary>The module's top level, where the callback function was evaluated.</summary>
    TopLevel,

    /// <summary>No frame: the callback sees no store.</summary>
    None,
}

public static class CandidateFrames
{
    public static IReadOnlyList<CandidateFrame> All { get; } = Enum.GetValues<CandidateFrame>();

    /// <summary>The frame's name in docs and in the inventory's classification: creation, registration, trigger, request, top-level, none.</summary>
    public static string Name(CandidateFrame frame) => frame switch
    {
        CandidateFrame.Creation => "creation",
        CandidateFrame.Registration => "registration",
        CandidateFrame.Trigger => "trigger",
        CandidateFrame.Request => "request",
        CandidateFrame.TopLevel => "top-level",
        CandidateFrame.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(frame), frame, "not a candidate frame"),
    };

    /// <summary>
    /// The store a discriminating row gives the frame (Rendering/FrameRowProgram.cs enters each with <c>als.run</c>): its
    /// name, or <c>undefined</c> for <see cref="CandidateFrame.None"/>, so a trace names the frame a callback ran in.
    /// </summary>
    public static string Store(CandidateFrame frame) => frame == CandidateFrame.None ? "undefined" : Name(frame);
}
