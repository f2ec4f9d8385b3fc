namespace Conformance.Cli.Releases;

/// <summary>A verb's <c>--name value</c> options (an option may repeat) and <c>--flag</c> switches; anything else is a usage error.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, List<string>> _values = [];
    private readonly HashSet<string> _flags = [];

    public string? Value(string name) => _values.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var v) ? v : [];

    public bool Flag(string name) => _flags.Contains(name);

    public static Options? Parse(string[] args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags, out string? problem)
    {
        problem = null;
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (flags.Contains(args[i])) { options._flags.Add(args[i]); continue; }
            if (!valued.Contains(args[i])) { problem = $"unknown option \"{args[i]}\""; return null; }
            if (i + 1 >= args.Length) { problem = $"{args[i]} needs a value"; return null; }
            if (!options._values.TryGetValue(args[i], out var list)) options._values[args[i]] = list = [];
            list.Add(args[++i]);
        }
        return options;
    }
}
