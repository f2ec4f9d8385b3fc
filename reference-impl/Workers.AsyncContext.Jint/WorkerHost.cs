using System.Runtime.ExceptionServices;

namespace Workers.AsyncContext.Jint;

/// <summary>Runs a module worker on the reference host, like <c>workerd test</c>.</summary>
public static class WorkerHost
{
    /// <summary>
    /// Loads the entry module (its top level runs), then, when its default export has
    /// <c>test(controller, env, ctx)</c>, runs it with <c>env.SELF.fetch</c> dispatching new requests into the
    /// module's own <c>fetch(request, env, ctx)</c>, and drains the event loop. Each call has its own engine, on a
    /// thread of its own (with <see cref="WorkerHostOptions.StackSizeBytes"/> of stack), so concurrent calls are
    /// independent and how deep JavaScript may recurse does not depend on the calling thread.
    /// </summary>
    public static WorkerRunResult Run(WorkerSource source, WorkerHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StackSizeBytes);
        var flags = CompatibilityFlags.FromDate(options.CompatibilityDate, options.CompatibilityFlagNames);
        using var wallClock = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wallClock.CancelAfter(options.WallClockTimeout);

        WorkerRunResult? result = null;
        ExceptionDispatchInfo? error = null;
        // The thread starts in the caller's execution context, so with its culture (which the engine takes as its own).
        var thread = new Thread(() =>
        {
            try
            {
                result = RunHere(source, options, flags, wallClock.Token);
            }
            catch (Exception ex)
            {
                error = ExceptionDispatchInfo.Capture(ex);
            }
        }, options.StackSizeBytes)
        {
            IsBackground = true,
            Name = "reference worker",
        };
        thread.Start();
        thread.Join();
        error?.Throw();
        return result!;
    }

    private static WorkerRunResult RunHere(WorkerSource source, WorkerHostOptions options, CompatibilityFlags flags, CancellationToken cancellation)
    {
        try
        {
            return new WorkerRuntime(source, options, flags, cancellation).Run();
        }
        catch (OperationCanceledException)
        {
            return new(WorkerOutcome.Timeout, null, "the worker ran out of wall-clock time");
        }
        catch (global::Jint.Runtime.ExecutionCanceledException)
        {
            return new(WorkerOutcome.Timeout, null, "the worker ran out of wall-clock time");
        }
    }
}
