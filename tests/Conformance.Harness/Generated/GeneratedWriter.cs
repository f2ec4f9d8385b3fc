namespace Conformance.Harness.Generated;

/// <summary>One change a run of generate makes: write <see cref="Content"/> to <see cref="Path"/>, or delete it (null).</summary>
public sealed record GeneratedChange(string Path, string? Content)
{
    public bool Deletes => Content is null;

    public override string ToString() => Deletes ? $"{Path} (removed)" : Path;
}

/// <summary>What a run would change under a root, and what it refuses to touch.</summary>
/// <param name="Conflicts">Files a generated output would overwrite that do not carry the header, unreadable blocks, paths
/// given twice: each one an error that stops the run before anything is written.</param>
public sealed record GeneratedPlan(IReadOnlyList<GeneratedChange> Changes, IReadOnlyList<string> Conflicts);

/// <summary>
/// The one writer of generated artefacts (issue 17, item 5). Its rule: only a file that carries <see cref="GeneratedHeader"/>
/// is ever rewritten or deleted; a block is rewritten only between its markers; a file at a generated path without the header
/// is a conflict, never overwritten. <see cref="Plan"/> reads only; <see cref="Apply"/> writes only a conflict-free plan.
/// </summary>
public static class GeneratedWriter
{
    public static GeneratedPlan Plan(string root, GeneratedSet set)
    {
        var changes = new List<GeneratedChange>();
        var conflicts = new List<string>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in set.Files.Select(f => f.Path).Concat(set.Blocks.Select(b => b.Path)).Where(p => !named.Add(p)))
            conflicts.Add($"{path}: given twice (two generated outputs, or a file and a block)");

        foreach (var file in set.Files)
        {
            var full = Full(root, file.Path);
            if (!File.Exists(full)) { changes.Add(new(file.Path, file.Content)); continue; }
            var text = Read(full);
            if (text == file.Content) continue;
            if (GeneratedHeader.Carries(text)) changes.Add(new(file.Path, file.Content));
            else conflicts.Add($"{file.Path}: exists without the generated header, so it is hand-written: generate never overwrites it; move it, or delete it if the model should own it");
        }

        foreach (var block in set.Blocks)
        {
            var full = Full(root, block.Path);
            if (!File.Exists(full)) { conflicts.Add($"{block.Path}: missing; it should hold the generated {block.Name} block ({block.BeginPrefix} … {block.End})"); continue; }
            var text = Read(full);
            string rewritten;
            try { rewritten = block.Rewrite(text); }
            catch (InvalidDataException error) { conflicts.Add(error.Message); continue; }
            if (rewritten != text) changes.Add(new(block.Path, rewritten));
        }

        foreach (var folder in set.Folders)
        {
            var full = Full(root, folder.Path);
            if (!Directory.Exists(full)) continue;
            foreach (var existing in Directory.EnumerateFiles(full, folder.Pattern).Order(StringComparer.Ordinal))
            {
                var relative = folder.Path + "/" + System.IO.Path.GetFileName(existing);
                if (!named.Contains(relative) && GeneratedHeader.Carries(Read(existing))) changes.Add(new(relative, null));
            }
        }
        return new GeneratedPlan(changes, conflicts);
    }

    /// <summary>Makes the plan's changes; a plan with a conflict writes nothing and throws.</summary>
    public static void Apply(string root, GeneratedPlan plan)
    {
        if (plan.Conflicts.Count > 0) throw new InvalidOperationException("generate wrote nothing:\n" + string.Join("\n", plan.Conflicts));
        foreach (var change in plan.Changes)
        {
            var full = Full(root, change.Path);
            if (change.Content is null) { File.Delete(full); continue; }
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, change.Content);
        }
    }

    private static string Full(string root, string relative) => System.IO.Path.Combine(root, relative);

    /// <summary>A committed file as generate compares it: '\n' line ends, whatever a checkout made of them.</summary>
    private static string Read(string path) => File.ReadAllText(path).ReplaceLineEndings("\n");
}
