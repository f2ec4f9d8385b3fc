namespace Conformance.Matrix.Data;

/// <summary>
/// The cross-cutting dimensions (issue 8, point 2), in the order of their feature files and of docs/coverage.md. Each is
/// probed on workerd first; its rows record only what is deterministic there (TF-14 keeps every row well under its bound).
/// </summary>
public static class CrossCuttingDimensions
{
    public static IReadOnlyList<Model.CrossDimension> All { get; } =
    [
        CrossCuttingThis.Dimension,
        CrossCuttingStores.Dimension,
        CrossCuttingDepth.Nesting,
        CrossCuttingDepth.Chains,
    ];
}
