using Conformance.Matrix.Model;

namespace Conformance.Matrix.Data;

/// <summary>Every family, in the order of the feature files and of docs/coverage.md.</summary>
public static class Families
{
    public static IReadOnlyList<SourceFamily> All { get; } =
    [
        PromiseFamilies.Await,
        PromiseFamilies.Reactions,
        PromiseFamilies.Thenables,
        PromiseFamilies.Combinators,
        SchedulingFamilies.Iteration,
        SchedulingFamilies.Timers,
        SchedulingFamilies.Events,
        SchedulingFamilies.Rejections,
        RejectionHandledFamilies.LateHandlers,
        SchedulingFamilies.Errors,
        SchedulingFamilies.Messages,
        NodeFamilies.Scheduling,
        NodeEventsFamilies.EventEmitters,
        NodeEventsFamilies.AsyncResources,
        ImportAndRequestFamilies.DynamicImport,
        ImportAndRequestFamilies.CrossRequest,
        StreamFamilies.Readable,
        StreamFamilies.WritableAndTransform,
    ];
}
