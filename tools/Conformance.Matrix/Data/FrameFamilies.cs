using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>Every family's discriminating rows (issue 19, item 2), in the order of <see cref="Families.All"/>.</summary>
public static class FrameFamilies
{
    public static IReadOnlyList<FrameFamily> All { get; } =
    [
        PromiseFrameRows.Await,
        PromiseFrameRows.Reactions,
        PromiseFrameRows.Thenables,
        PromiseFrameRows.Combinators,
        SchedulingFrameRows.Iteration,
        SchedulingFrameRows.Timers,
        SchedulingFrameRows.Events,
        SchedulingFrameRows.Rejections,
        SchedulingFrameRows.LateHandlers,
        SchedulingFrameRows.Errors,
        SchedulingFrameRows.Messages,
        SchedulingFrameRows.NodeScheduling,
        NodeAndStreamFrameRows.EventEmitters,
        NodeAndStreamFrameRows.AsyncResources,
        PromiseFrameRows.DynamicImport,
        PromiseFrameRows.CrossRequest,
        NodeAndStreamFrameRows.Readable,
        NodeAndStreamFrameRows.WritableAndTransform,
    ];
}
