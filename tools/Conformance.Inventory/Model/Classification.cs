namespace Conformance.Inventory.Model;

/// <summary>
/// Why a member is left out (issue 19, item 1). <see cref="Harness"/> is not a reason but a defect of this harness (a program
/// shape the bundling or the driver cannot express): it is counted and listed apart so it is never mistaken for one.
/// </summary>
public enum LeftOutReason { Network, Binding, NotDeterministic, NotImplementedInWorkerd, Harness }

/// <summary>How the model classifies one member: exactly one of synchronous, an async source, or left out.</summary>
public abstract record Classification(string Origin)
{
    /// <summary>Calls nothing back later, returns no promise or thenable, dispatches nothing; <paramref name="Why"/> may say why.</summary>
    public sealed record Synchronous(string Origin, string? Why) : Classification(Origin);

    public sealed record Async(string Origin, IReadOnlyList<SourceCallback> Callbacks) : Classification(Origin);

    public sealed record LeftOut(string Origin, LeftOutReason Reason, string Why) : Classification(Origin);
}

/// <summary>
/// A rule of a module's model: every member whose path matches <paramref name="Match"/> (an exact path, `Prefix.*` for everything
/// and everything under Prefix, `*Suffix` for every path that ends with Suffix, or `*`) gets <paramref name="Gives"/>, except the listed members, which the model must classify one by one.
/// </summary>
public sealed record ModelRule(string Match, Classification Gives, IReadOnlyList<string> Except)
{
    public bool Covers(string path) =>
        !Except.Contains(path, StringComparer.Ordinal)
        && (Match == "*"
            || (Match.StartsWith('*') ? path.EndsWith(Match[1..], StringComparison.Ordinal)
            : Match.EndsWith(".*", StringComparison.Ordinal)
                ? path == Match[..^2] || path.StartsWith(Match[..^1], StringComparison.Ordinal)
                : path == Match));

    /// <summary>The more of a path a rule names, the more specific it is: the most specific rule that covers a member decides.</summary>
    public int Specificity => Match == "*" ? 0 : Match.Replace("*", "", StringComparison.Ordinal).Length;
}
