namespace Workers.AsyncContext.Jint;

/// <summary>Runs a module worker on the reference host, like <c>workerd test</c>.</summary>
public static class WorkerHost
{
    /// <summary>
    /// Loads the entry module (its top level runs), then, when its default export has
    /// <c>test(controller, env, ctx)</c>, runs it with <c>env.SELF.fetch</c> dispatching new requests into the
    /// module's own <c>fetch(request, env, ctx)</c>, and drains the event loop. Each call has its own engine, so
    /// concurrent calls are independent.
    /// </summary>
    public static WorkerRunResult Run(WorkerSource source, WorkerHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var flags = CompatibilityFlags.FromDate(options.CompatibilityDate);
        using var wallClock = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wallClock.CancelAfter(options.WallClockTimeout);
        try
        {
            return new WorkerRuntime(source, options, flags, wallClock.Token).Run();
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
