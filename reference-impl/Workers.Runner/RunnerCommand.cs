using Workers.AsyncContext.Jint;

namespace Workers.Runner;

/// <summary>Parses the command line, runs the worker, maps the outcome to an exit code.</summary>
public static class RunnerCommand
{
    public const string Help = """
        workers-ref: run a Cloudflare-Workers-style module worker on the reference host (Jint).

        Usage: workers-ref <worker.mjs> [options]

          <worker.mjs>                    the entry module; relative imports resolve from its directory
          --compatibility-date YYYY-MM-DD workerd compatibility date (default 2026-11-17)
          --timeout SECONDS               wall-clock budget (default 10)
          -h, --help                      this text

        Loads the module (its top level runs), then calls the default export's test(controller, env, ctx) if
        present, with env.SELF.fetch dispatching requests into the module's own fetch handler; drains the
        event loop on a virtual clock. console.log/info/debug go to stdout, console.warn/error to stderr.

        Exit codes: 0 success, 1 test failed, 2 load error, 3 timeout, 4 limit exceeded, 5 never settled,
        64 usage error.
        """;

    public static int Execute(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? entry = null;
        var date = "2026-11-17";
        var timeout = TimeSpan.FromSeconds(10);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    stdout.WriteLine(Help);
                    return 0;
                case "--compatibility-date" when i + 1 < args.Length:
                    date = args[++i];
                    break;
                case "--timeout" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var s):
                    timeout = TimeSpan.FromSeconds(s);
                    i++;
                    break;
                default:
                    if (args[i].StartsWith('-') || entry is not null)
                    {
                        stderr.WriteLine($"workers-ref: unexpected argument '{args[i]}' (see --help)");
                        return 64;
                    }
                    entry = args[i];
                    break;
            }
        }
        if (entry is null)
        {
            stderr.WriteLine("workers-ref: missing <worker.mjs> (see --help)");
            return 64;
        }
        if (!File.Exists(entry))
        {
            stderr.WriteLine($"workers-ref: no such file: {entry}");
            return 2;
        }
        try
        {
            _ = CompatibilityFlags.FromDate(date);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"workers-ref: {ex.Message}");
            return 64;
        }
        var full = Path.GetFullPath(entry);
        var options = new WorkerHostOptions
        {
            CompatibilityDate = date,
            WallClockTimeout = timeout,
            Stdout = line => { lock (stdout) stdout.WriteLine(line); },
            Stderr = line => { lock (stderr) stderr.WriteLine(line); },
        };
        var result = WorkerHost.Run(WorkerSource.FromDirectory(Path.GetDirectoryName(full)!, Path.GetFileName(full)), options);
        stdout.Flush();
        var (code, what) = result.Outcome switch
        {
            WorkerOutcome.Completed => (0, null),
            WorkerOutcome.TestFailed => (1, "test failed"),
            WorkerOutcome.LoadError => (2, "failed to load the worker"),
            WorkerOutcome.Timeout => (3, "timed out"),
            WorkerOutcome.LimitExceeded => (4, "limit exceeded"),
            _ => (5, "never settled"),
        };
        if (what is not null)
        {
            var detail = string.Join(": ", new[] { result.ErrorType, result.Message }.Where(s => !string.IsNullOrEmpty(s)));
            stderr.WriteLine($"workers-ref: {what}{(detail.Length > 0 ? ": " + detail : "")}");
        }
        return code;
    }
}
