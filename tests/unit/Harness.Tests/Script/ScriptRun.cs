using System.Diagnostics;
using System.Text;

namespace Harness.Tests.Script;

/// <summary>
/// run-conformance.ps1 started in a process group of its own (`setsid`), so a test can do what a terminal's Ctrl-C or a CI
/// cancel does: signal the whole group. Output is collected; <see cref="WaitForExit"/> returns the exit code.
/// </summary>
internal sealed class ScriptRun : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();

    public ScriptRun(string root, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        // A test of this class may be the first in the process to start pwsh: the restore must not depend on test order.
        LocalPwsh.EnsureRestored(root);
        var info = new ProcessStartInfo("setsid") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        // `env --default-signal`: a test host started as a background job of a non-interactive shell inherits SIGINT ignored
        // (POSIX), and an ignored signal stays ignored across exec, so the script would never see the Ctrl-C this test sends.
        foreach (var a in new[] { "-w", "env", "--default-signal=INT,TERM", "dotnet", "pwsh", "-NoProfile", "-File", Path.Combine(root, "run-conformance.ps1") }.Concat(arguments))
            info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        _process = System.Diagnostics.Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The process group: setsid made the script's first process its leader.</summary>
    public int Group => _process.Id;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polled), failing with the output so far after <paramref name="limit"/>.</summary>
    public void WaitUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit || _process.HasExited) Assert.Fail($"{what} did not happen within {limit.TotalSeconds} s (exited: {_process.HasExited}):\n{Output}");
            Thread.Sleep(250);
        }
    }

    public void SignalGroup(string signal) => Shell("kill", $"-{signal}", "--", $"-{Group}");

    /// <summary>
    /// The signal to the script's PowerShell process only, as a supervisor that knows the script's pid sends it. (`dotnet pwsh`
    /// starts PowerShell as a child of the dotnet muxer, which does not pass a signal on: the group's leader is the muxer.)
    /// </summary>
    public void SignalScript(string signal)
    {
        var pwsh = GroupMembers().FirstOrDefault(p => p.Contains("pwsh.dll", StringComparison.Ordinal) && !p.EndsWith("<defunct>", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no PowerShell process in the group:\n{string.Join("\n", GroupMembers())}");
        Shell("kill", $"-{signal}", pwsh.Split(' ', 2)[0]);
    }

    /// <summary>The processes still in the group.</summary>
    public string[] GroupMembers() =>
        Shell("ps", "-o", "pid=,args=", "-g", Group.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Waits until no live process is left in the group, failing with those left after <paramref name="limit"/>.</summary>
    public void WaitUntilQuiet(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        string[] live;
        while ((live = GroupMembers().Where(p => !p.EndsWith("<defunct>", StringComparison.Ordinal)).ToArray()).Length > 0)
        {
            if (clock.Elapsed > limit) Assert.Fail($"processes left behind:\n{string.Join("\n", live)}");
            Thread.Sleep(250);
        }
    }

    public int WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit)) Assert.Fail($"the run did not end within {limit.TotalSeconds} s:\n{Output}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    private static string Shell(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(info)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }

    public void Dispose()
    {
        if (!_process.HasExited) SignalGroup("KILL");
        _process.Dispose();
    }
}
