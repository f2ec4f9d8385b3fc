namespace Conformance.Matrix.Model;

/// <summary>One generated combination: a row of an outline's Examples table.</summary>
public sealed record MatrixRow(SourceFamily Family, AsyncSource Source, EntryForm Entry, Position Position);
