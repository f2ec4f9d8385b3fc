using Io.Cucumber.Messages.Types;

namespace Conformance.Harness.Features;

/// <summary>
/// One parsed .feature file: its source, the Cucumber messages Reqnroll's formatters need (Source, GherkinDocument,
/// Pickles), or the parse error that stops it.
/// </summary>
public sealed class FeatureFile
{
    /// <summary>Path relative to the features root, with '/' separators: <c>async-local-storage/run.feature</c>.</summary>
    public required string RelativePath { get; init; }
    public required string FullPath { get; init; }
    /// <summary>The feature's title, or the file name when it has none (or did not parse).</summary>
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string Language { get; init; } = "en";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required Source Source { get; init; }
    public GherkinDocument? Document { get; init; }
    public IReadOnlyList<Pickle> Pickles { get; init; } = [];
    /// <summary>"features/&lt;area&gt;/&lt;name&gt;.feature:LINE:COL: what is wrong" when the file does not parse.</summary>
    public string? ParseError { get; init; }

    /// <summary>The relative path without ".feature": the prefix of every scenario id in this file.</summary>
    public string IdPrefix => RelativePath.EndsWith(".feature", StringComparison.Ordinal) ? RelativePath[..^".feature".Length] : RelativePath;

    /// <summary>The folder of the file, where its verified snapshots live (spec/trace-format.md, "Snapshots").</summary>
    public string Directory => Path.GetDirectoryName(FullPath)!;

    /// <summary>The file name without extension, the first part of a snapshot's name.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(FullPath);
}
