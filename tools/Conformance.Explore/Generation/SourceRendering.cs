using System.Text;
using Conformance.Explore.Sources;

namespace Conformance.Explore.Generation;

/// <summary>
/// An <see cref="OperationKind.Source"/> node as JavaScript (issue 19, item 4). Inside `storage.run('v&lt;n&gt;')` (the source's
/// enclosing frame, standing for the request) the recipe's steps run in order, each placed: in `storage.run('create&lt;n&gt;')`,
/// `run('register&lt;n&gt;')` or `run('trigger&lt;n&gt;')` (a frame of its own), directly (the enclosing frame), under `exit` (no
/// frame), or at the module's top level in `run('module&lt;n&gt;')`. The callback runs the node's body once, whatever calls it
/// again, and the node ends when that body has. The body's first log names the frame the runtime chose.
/// </summary>
public static class SourceRendering
{
    /// <summary>The imports of the modules the sources use, and the creation steps placed at the module's top level.</summary>
    public static void WriteModuleLevel(StringBuilder text, IReadOnlyList<Operation> operations)
    {
        var sources = operations.SelectMany(o => o.Descendants()).Where(o => o.Kind == OperationKind.Source).ToList();
        foreach (var recipe in sources.Select(s => s.Recipe!).Where(r => r.UsesModule).DistinctBy(r => r.Module).OrderBy(r => r.Module, StringComparer.Ordinal))
            text.Append($"import * as {recipe.ModuleAlias} from '{recipe.Module}';\n");
        foreach (var source in sources.Where(s => s.Placements.Contains(Placement.TopLevel)))
        {
            var n = source.Id;
            text.Append($"let o{n}, p{n}, q{n};\n");
            text.Append($"{Operation.Storages[source.Storage]}.run('module{n}', () => {{ {Statement(source, source.Recipe!.Steps[0].Statement)}; }});\n");
        }
    }

    public static void Write(StringBuilder text, Operation source, int depth, Action<IReadOnlyList<Operation>, int> writeBody)
    {
        var recipe = source.Recipe ?? throw new ArgumentException($"source node {source.Id} has no recipe", nameof(source));
        var pad = new string(' ', depth * 2);
        var inner = pad + "  ";
        var storage = Operation.Storages[source.Storage];
        var n = source.Id;
        var placements = source.Placements;
        text.Append(pad).Append($"await {storage}.run('v{n}', async () => {{ // {recipe.Name}: {PlacementsOf(source)}\n");
        if (!placements.Contains(Placement.TopLevel)) text.Append(inner).Append($"let o{n}, p{n}, q{n};\n");
        text.Append(inner).Append($"let fire{n};\n");
        text.Append(inner).Append($"const done{n} = new Promise((resolve) => {{ fire{n} = resolve; }});\n");
        text.Append(inner).Append($"const cb{n} = () => {{ const fire = fire{n}; fire{n} = undefined; if (fire) fire((async () => {{\n");
        writeBody(source.Body, depth + 2);
        text.Append(inner).Append("})()); };\n");
        foreach (var (step, placement) in recipe.Steps.Zip(placements))
        {
            var statement = Statement(source, step.Statement);
            var line = placement switch
            {
                Placement.Own => $"{storage}.run('{FrameValue(step.Frame)}{n}', () => {{ {statement}; }});",
                Placement.Enclosing => $"{statement};",
                Placement.Exit => $"{storage}.exit(() => {{ {statement}; }});",
                _ => null, // written at the module's top level
            };
            if (line is not null) text.Append(inner).Append(line).Append('\n');
        }
        text.Append(inner).Append($"await done{n};\n");
        if (recipe.Cleanup is { } cleanup) text.Append(inner).Append(Statement(source, cleanup)).Append(";\n");
        text.Append(pad).Append("});\n");
    }

    /// <summary>
    /// How a signature writes a source: its recipe's name, e.g. `source[globals setTimeout]`. Where its steps ran is left out, as
    /// values are: one source diverging in two placements is taken as one bug (the minimised program shows the placements).
    /// </summary>
    public static string SignatureOf(Operation source) => $"source[{source.Recipe!.Name}]";

    /// <summary>Where each step ran, as the program's comment and the console print it: `creation:own registration:none`.</summary>
    public static string PlacementsOf(Operation source) =>
        string.Join(" ", source.Recipe!.Steps.Zip(source.Placements).Select(p => $"{p.First.Frame.ToString().ToLowerInvariant()}:{PlacementName(p.Second)}"));

    private static string PlacementName(Placement placement) => placement switch
    {
        Placement.Own => "own",
        Placement.Enclosing => "enclosing",
        Placement.Exit => "none",
        _ => "top",
    };

    private static string FrameValue(StepFrame frame) => frame switch
    {
        StepFrame.Creation => "create",
        StepFrame.Registration => "register",
        _ => "trigger",
    };

    private static string Statement(Operation source, string statement)
    {
        var n = source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return statement
            .Replace("$cb", "cb" + n, StringComparison.Ordinal)
            .Replace("$delay", source.Delay.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$M", source.Recipe!.ModuleAlias, StringComparison.Ordinal)
            .Replace("$o", "o" + n, StringComparison.Ordinal)
            .Replace("$p", "p" + n, StringComparison.Ordinal)
            .Replace("$q", "q" + n, StringComparison.Ordinal)
            .Replace("$n", n, StringComparison.Ordinal);
    }
}
