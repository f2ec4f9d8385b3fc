using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CliWrap;

namespace Conformance.Harness.Targets.Process;

/// <summary>One process to start: never through a shell, arguments as a list.</summary>
internal sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment,
    Regex? StderrWatch = null)
{
    /// <summary>
    /// A batch of programs (TF-1b): the trace keeps every batched line whole (`@@trace[k] ...`) for the caller to attribute,
    /// no `end` stops the process, and the time limit restarts at each program's report, so it holds per program.
    /// </summary>
    public bool Batched { get; init; }

    /// <summary>
    /// TF-1c: the nonce written into this process's trace module. Only lines carrying it are trace lines; every process run
    /// sets it (an empty nonce is the harness's fault and throws).
    /// </summary>
    public string Nonce { get; init; } = "";
}

/// <summary>What a run of one process left behind, before it is mapped to a <see cref="RunStatus"/>.</summary>
internal sealed record ProcessOutcome(
    IReadOnlyList<string> Trace,
    bool EndSeen,
    bool TimedOut,
    bool OutputOverflow,
    int? ExitCode,
    IReadOnlyList<string> StderrTail,
    string? StderrWatchMatch,
    string? StartFailure,
    TimeSpan Elapsed)
{
    /// <summary>TF-1c: lines that start like a trace line (`@@trace`) but lack the run's nonce: printed by something other than the driver.</summary>
    public int UnprovenLines { get; init; }

    /// <summary>Each program's own report on standard error, by name: true for `[ PASS ] name`, false for `[ FAIL ] name` (TF-13).</summary>
    public IReadOnlyDictionary<string, bool> TestReports { get; init; } = new Dictionary<string, bool>();

    /// <summary>
    /// In a batch (TF-1b), each program's own standard error by its name: the lines (the last <see cref="ProcessTargetOptions.StderrTailLines"/>)
    /// since the previous program's report, up to and including its own. Programs of a batch run one after another.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StderrByReport { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>
/// Runs one process with CliWrap: trace lines from standard output (TF-1), a bounded tail of standard
/// error, a time limit, and the whole process tree stopped on timeout, runaway output or cancellation.
/// </summary>
internal static partial class ProcessRunner
{

    /// <summary>`workerd test`'s line per service (`... debug: [ PASS ] main (1.2ms)`), which the node-host bridge prints too.</summary>
    [GeneratedRegex(@"\[ (PASS|FAIL) \] (\S+)")]
    internal static partial Regex TestReportLine();

    /// <summary>
    /// A batch program's name (<see cref="BatchSettlement.ProgramName"/>) in a report, or in the batch host's `[ LEFT ] p3 why` for a program
    /// it gave up on (targets/hosts/batch-host.mjs): either ends that program's share of standard error and restarts the time limit.
    /// </summary>
    [GeneratedRegex(@"^(?:.*\[ (?:PASS|FAIL) \] |\[ LEFT \] )(p\d+)\b")]
    internal static partial Regex BatchProgramDone();

    public static async Task<ProcessOutcome> RunAsync(ProcessSpec spec, TimeSpan timeout, ProcessTargetOptions options, CancellationToken cancellationToken)
    {
        if (spec.Nonce.Length == 0) throw new InvalidOperationException("a process run needs its nonce (spec/trace-format.md TF-1c)");
        if (options.Sandboxed)
        {
            // issue 18 item 3: every runtime process, single or batched. A runtime that is not there fails to start, as unsandboxed.
            if (!File.Exists(spec.FileName))
                return new ProcessOutcome([], false, false, false, null, [], null, $"could not start {spec.FileName}: no such file", TimeSpan.Zero);
            spec = Sandbox.Wrap(spec with { FileName = Path.GetFullPath(spec.FileName) }); // the sandbox starts it from the run folder
        }
        using var timeoutCts = new CancellationTokenSource(timeout);
        using var graceCts = new CancellationTokenSource();
        using var overflowCts = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token, graceCts.Token, overflowCts.Token);

        var trace = new List<string>();
        var endSeen = false;
        var stderr = new Queue<string>();
        string? watchMatch = null;
        var reports = new Dictionary<string, bool>(StringComparer.Ordinal);
        var segments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var segment = new Queue<string>();

        var provenPrefix = TraceProtocol.ProvenPrefix(spec.Nonce);
        var unproven = 0;

        void OnStdout(string line)
        {
            if (spec.Batched)
            {
                if (TraceProtocol.StripBatchNonce(line, spec.Nonce) is { } batched && TraceProtocol.TryParseBatched(batched, out _, out _)) trace.Add(batched);
                else if (line.StartsWith("@@trace", StringComparison.Ordinal)) unproven++;
                return;
            }
            if (!line.StartsWith(provenPrefix, StringComparison.Ordinal))
            {
                if (line.StartsWith("@@trace", StringComparison.Ordinal)) unproven++;
                return;
            }
            var text = line[provenPrefix.Length..];
            trace.Add(text);
            if (text == TraceProtocol.End && !endSeen)
            {
                endSeen = true;
                graceCts.CancelAfter(options.GraceAfterEnd);
            }
        }

        void OnStderr(string line)
        {
            if (watchMatch is null && spec.StderrWatch?.Match(line) is { Success: true } m) watchMatch = m.Groups[1].Value;
            if (TestReportLine().Match(line) is { Success: true } report)
                reports[report.Groups[2].Value] = report.Groups[1].Value == "PASS";
            var kept = line.Length > 2000 ? line[..2000] + "..." : line;
            stderr.Enqueue(kept);
            while (stderr.Count > options.StderrTailLines) stderr.Dequeue();
            if (!spec.Batched) return;
            segment.Enqueue(kept);
            while (segment.Count > options.StderrTailLines) segment.Dequeue();
            if (BatchProgramDone().Match(line) is { Success: true } done)
            {
                segments[done.Groups[1].Value] = [.. segment];
                segment.Clear();
                timeoutCts.CancelAfter(timeout);
            }
        }

        var stdoutSink = new LineSink(OnStdout, options.MaxOutputChars, options.MaxLineChars, () => overflowCts.Cancel());
        // Standard error is drained without a total cap (only its tail is kept), so a chatty runtime never blocks.
        var stderrSink = new LineSink(OnStderr, long.MaxValue, options.MaxLineChars, static () => { });

        var command = Cli.Wrap(spec.FileName)
            .WithArguments(spec.Arguments)
            .WithWorkingDirectory(spec.WorkingDirectory)
            .WithEnvironmentVariables(b => { foreach (var (k, v) in spec.Environment) b.Set(k, v); })
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Create(stdoutSink.CopyAsync))
            .WithStandardErrorPipe(PipeTarget.Create(stderrSink.CopyAsync));

        var clock = Stopwatch.StartNew();
        int? exitCode = null;
        try
        {
            var task = command.ExecuteAsync(stop.Token);
            var pid = task.ProcessId;
            // CliWrap stops the process on cancellation; this makes sure its children go too.
            using var killer = stop.Token.Register(() => KillTree(pid));
            exitCode = (await task).ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // timeout, grace after end, or runaway output: mapped below
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException || e.InnerException is Win32Exception)
        {
            return new ProcessOutcome([], false, false, false, null, [], null, $"could not start {spec.FileName}: {e.Message}", clock.Elapsed);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessOutcome(
            trace,
            endSeen,
            TimedOut: timeoutCts.IsCancellationRequested && !overflowCts.IsCancellationRequested,
            OutputOverflow: overflowCts.IsCancellationRequested,
            exitCode,
            [.. stderr],
            watchMatch,
            StartFailure: null,
            clock.Elapsed) { TestReports = reports, StderrByReport = segments, UnprovenLines = unproven };
    }

    private static void KillTree(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // already gone
        }
    }

    /// <summary>Splits a stream into lines without ever holding more than the caps allow.</summary>
    private sealed class LineSink(Action<string> onLine, long maxChars, int maxLineChars, Action onOverflow)
    {
        public async Task CopyAsync(Stream origin, CancellationToken cancellationToken)
        {
            using var reader = new StreamReader(origin, new UTF8Encoding(false), false, 16384, leaveOpen: true);
            var buffer = new char[16384];
            var line = new StringBuilder();
            long total = 0;
            var overflow = false;
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (overflow) continue; // keep draining so the process never blocks on a full pipe
                total += read;
                var span = buffer.AsSpan(0, read);
                while (!span.IsEmpty)
                {
                    var newline = span.IndexOf('\n');
                    var part = newline < 0 ? span : span[..newline];
                    if (line.Length + part.Length > maxLineChars) { overflow = true; break; }
                    line.Append(part);
                    if (newline < 0) break;
                    Emit(line);
                    span = span[(newline + 1)..];
                }
                if (!overflow && total > maxChars) overflow = true;
                if (overflow) onOverflow();
            }
            if (!overflow && line.Length > 0) Emit(line);
        }

        private void Emit(StringBuilder line)
        {
            if (line.Length > 0 && line[^1] == '\r') line.Length--;
            onLine(line.ToString());
            line.Clear();
        }
    }
}
