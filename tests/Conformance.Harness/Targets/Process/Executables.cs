namespace Conformance.Harness.Targets.Process;

/// <summary>Where runtime binaries are: on PATH, or inside the pinned npm packages under targets/node_modules.</summary>
internal static class Executables
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        if (name.Contains('/') || name.Contains(Path.DirectorySeparatorChar))
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", "" } : [""];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        foreach (var extension in extensions)
        {
            var candidate = Path.Combine(folder, name + extension);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>A binary inside a pinned package: targets/node_modules/&lt;relative&gt;.</summary>
    public static string Pinned(string repositoryRoot, string relative) =>
        Path.Combine(RuntimeInstaller.NodeModules(repositoryRoot), relative);

    /// <summary>The pinned packages (targets/package.json) are the linux-x64 builds.</summary>
    public static string? PinnedPlatformProblem() =>
        OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64
            ? null
            : "the pinned runtimes in targets/package.json are linux-x64 builds; on this platform use a command:<template> target";
}
