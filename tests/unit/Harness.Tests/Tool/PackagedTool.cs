using System.Diagnostics;
using Conformance.Harness.Scenarios;

namespace Harness.Tests.Tool;

/// <summary>
/// The packaged tool (issue 21 item 1), as a user gets it: `dotnet pack` of tests/Conformance.Cli into a local folder source,
/// `dotnet tool install --tool-path` from it into a scratch folder outside the repository (with a NuGet cache of its own, so no
/// older package of the same version is reused), and the installed `workers-als-conformance` run from another scratch folder.
/// </summary>
public sealed class PackagedTool : IDisposable
{
    public const string PackageId = "WorkersAls.Conformance";
    public const string Version = "0.1.0";

    private readonly TempDirectory _temp = new();

    public PackagedTool()
    {
        Repository = RepositoryRoot.Find();
        Assert.False(Scratch.StartsWith(Repository + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"{Scratch} is inside the repository");
        var feed = Path.Combine(Scratch, "feed");
        Run(Repository, "dotnet", ["pack", Path.Combine(Repository, "tests", "Conformance.Cli", "Conformance.Cli.csproj"), "-o", feed, "--nologo", "-v", "q"], TimeSpan.FromMinutes(10));
        ToolPath = Path.Combine(Scratch, "tool");
        Run(Scratch, "dotnet", ["tool", "install", "--tool-path", ToolPath, "--add-source", feed, PackageId, "--version", Version], TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Scratch, "nuget") });
        Command = Path.Combine(ToolPath, "workers-als-conformance");
        Assert.True(File.Exists(Command), $"no {Command} after the install");
        User = Directory.CreateDirectory(Path.Combine(Scratch, "user")).FullName;
    }

    public string Repository { get; }
    public string Scratch => _temp.Path;
    public string ToolPath { get; }
    public string Command { get; }

    /// <summary>The user's own folder (their repository): the working directory of every run of the tool.</summary>
    public string User { get; }

    public (int Exit, string Output) Tool(params string[] args) => Run(User, Command, args, TimeSpan.FromMinutes(10), check: false);

    /// <summary>Every file of the install folder with its size and time: what a run must leave as it was.</summary>
    public string[] InstallFolder() =>
        [.. Directory.EnumerateFileSystemEntries(ToolPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p) ? $"{p} {new FileInfo(p).Length} {File.GetLastWriteTimeUtc(p):O}" : $"{p}/")];

    public static (int Exit, string Output) Run(string directory, string file, IEnumerable<string> args, TimeSpan limit,
        IReadOnlyDictionary<string, string>? environment = null, bool check = true)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit)) { process.Kill(entireProcessTree: true); Assert.Fail($"{file} {string.Join(' ', args)} did not end within {limit}"); }
        var output = stdout.Result + stderr.Result;
        if (check) Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: exit {process.ExitCode}\n{output}");
        return (process.ExitCode, output);
    }

    public void Dispose() => _temp.Dispose();
}
