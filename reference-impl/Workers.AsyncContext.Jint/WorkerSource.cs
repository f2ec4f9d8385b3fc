namespace Workers.AsyncContext.Jint;

/// <summary>
/// Where a worker's modules come from. Module names are paths relative to the bundle root ("driver.mjs",
/// "lib/util.mjs"); relative specifiers ("./trace.mjs") resolve against the importing module.
/// </summary>
public abstract class WorkerSource
{
    /// <summary>The entry module's name, relative to the bundle root.</summary>
    public abstract string EntryModule { get; }

    /// <summary>The source of a module by normalized name, or null when there is none.</summary>
    public abstract string? TryLoad(string moduleName);

    /// <summary>Modules read from files under <paramref name="directory"/> (never outside it).</summary>
    public static WorkerSource FromDirectory(string directory, string entryModule) =>
        new DirectorySource(Path.GetFullPath(directory), ModuleNames.Normalize(entryModule));

    /// <summary>Modules held in memory, by name.</summary>
    public static WorkerSource FromModules(IReadOnlyDictionary<string, string> modulesByName, string entryModule) =>
        new MemorySource(modulesByName.ToDictionary(kv => ModuleNames.Normalize(kv.Key), kv => kv.Value, StringComparer.Ordinal),
            ModuleNames.Normalize(entryModule));

    private sealed class DirectorySource(string root, string entry) : WorkerSource
    {
        public override string EntryModule => entry;

        public override string? TryLoad(string moduleName)
        {
            var full = Path.GetFullPath(Path.Combine(root, moduleName));
            var rootWithSep = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            if (!full.StartsWith(rootWithSep, StringComparison.Ordinal) || !File.Exists(full)) return null;
            return File.ReadAllText(full);
        }
    }

    private sealed class MemorySource(Dictionary<string, string> modules, string entry) : WorkerSource
    {
        public override string EntryModule => entry;

        public override string? TryLoad(string moduleName) => modules.GetValueOrDefault(moduleName);
    }
}

/// <summary>Module names: forward slashes, no leading "./" or "/", ".." resolved.</summary>
internal static class ModuleNames
{
    public static string Normalize(string name)
    {
        var parts = new List<string>();
        foreach (var part in name.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>Resolves a relative specifier against the importing module's name.</summary>
    public static string Resolve(string? referrer, string specifier)
    {
        if (specifier.StartsWith('/')) return Normalize(specifier);
        var slash = referrer?.LastIndexOf('/') ?? -1;
        var dir = slash < 0 ? "" : referrer![..slash];
        return Normalize(dir + "/" + specifier);
    }
}
