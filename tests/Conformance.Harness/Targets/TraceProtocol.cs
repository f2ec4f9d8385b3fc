namespace Conformance.Harness.Targets;

/// <summary>What every target reads off a runtime's output (spec/trace-format.md).</summary>
public static class TraceProtocol
{
    /// <summary>TF-1: a trace line is a line of standard output that starts with this (the space included).</summary>
    public const string Prefix = "@@trace ";

    /// <summary>TF-9: the driver's last line.</summary>
    public const string End = "end";

    /// <summary>TF-10: the line a target writes when the worker fails to load.</summary>
    public const string LoadErrorPrefix = "load error: ";
}
