using Workers.AsyncContext.Jint;

namespace ReferenceImpl.Tests;

/// <summary>Runs a one-module worker on the reference host and collects its console lines.</summary>
internal static class HostKit
{
    public sealed record Run(WorkerRunResult Result, IReadOnlyList<string> Out, IReadOnlyList<string> Err);

    public const string Prelude = "import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';\nconst als = new AsyncLocalStorage();\n";

    public static Run Worker(string program, string date = "2026-11-17", WorkerHostOptions? options = null,
        IReadOnlyDictionary<string, string>? extraModules = null)
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        var modules = new Dictionary<string, string>(extraModules ?? new Dictionary<string, string>()) { ["main.mjs"] = program };
        var host = new WorkerHostOptions(); // the host's defaults
        var opts = new WorkerHostOptions
        {
            CompatibilityDate = date,
            WallClockTimeout = options?.WallClockTimeout ?? TimeSpan.FromSeconds(20),
            MaxStatements = options?.MaxStatements ?? host.MaxStatements,
            MaxRecursionDepth = options?.MaxRecursionDepth ?? host.MaxRecursionDepth,
            StackSizeBytes = options?.StackSizeBytes ?? host.StackSizeBytes,
            MaxVirtualTime = options?.MaxVirtualTime ?? host.MaxVirtualTime,
            MaxMacrotasks = options?.MaxMacrotasks ?? host.MaxMacrotasks,
            MemoryLimitBytes = options?.MemoryLimitBytes ?? host.MemoryLimitBytes,
            Stdout = stdout.Add,
            Stderr = stderr.Add,
        };
        var result = WorkerHost.Run(WorkerSource.FromModules(modules, "main.mjs"), opts);
        return new Run(result, stdout, stderr);
    }

    /// <summary>Runs <paramref name="testBody"/> as the body of <c>async test()</c>, with <c>als</c> in scope.</summary>
    public static Run Test(string testBody, string date = "2026-11-17", string extra = "") =>
        Worker(Prelude + extra + "\nexport default { async test(controller, env, ctx) {\n" + testBody + "\n} };", date);
}
