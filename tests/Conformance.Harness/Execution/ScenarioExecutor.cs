using System.Collections.Concurrent;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Conformance.Harness.Execution;

/// <summary>
/// Runs scheduled programs on a target ahead of the tests, with at most <see cref="Parallelism"/> at once, in the order
/// scheduled (feature order). A test awaits its own program's run: started already, finished already, or started on
/// demand when the test reaches it first. A run is never repeated: the first request for an id starts it, later ones share it.
/// </summary>
public sealed class ScenarioExecutor : IAsyncDisposable
{
    private readonly ITarget _target;
    private readonly TimeSpan _timeout;
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Job> _queue = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];
    private readonly Lock _gate = new();

    public ScenarioExecutor(ITarget target, TimeSpan timeout, int? maxParallelism = null)
    {
        _target = target;
        _timeout = timeout;
        Parallelism = Math.Max(1, Math.Min(target.MaxParallelism, maxParallelism ?? int.MaxValue));
        _slots = new SemaphoreSlim(Parallelism, Parallelism);
    }

    // Every run, prefetched or demanded by a test, takes a slot: the target never sees more than Parallelism at once.
    private readonly SemaphoreSlim _slots;

    public int Parallelism { get; }

    /// <summary>Queues programs for prefetch, in order; already known ids are ignored. Starts the workers once.</summary>
    public void Schedule(IEnumerable<ScenarioProgram> programs)
    {
        foreach (var program in programs)
        {
            var job = new Job(program, this);
            if (_jobs.TryAdd(program.Id, job)) _queue.Enqueue(job);
        }
        lock (_gate)
        {
            while (_workers.Count < Parallelism)
                _workers.Add(Task.Run(WorkAsync));
        }
    }

    /// <summary>The run of <paramref name="program"/>: the prefetched one when it is the same program, else a fresh run now.</summary>
    public Task<TargetRun> RunAsync(ScenarioProgram program)
    {
        var job = _jobs.GetOrAdd(program.Id, _ => new Job(program, this));
        return ScenarioCompiler.SameProgram(job.Program, program) ? job.Start() : RunNowAsync(program);
    }

    private async Task WorkAsync()
    {
        while (!_stopping.IsCancellationRequested && _queue.TryDequeue(out var job))
        {
            try { await job.Start().ConfigureAwait(false); }
            catch { /* the result (or failure) is kept in the job for its test */ }
        }
    }

    private async Task<TargetRun> RunNowAsync(ScenarioProgram program)
    {
        var started = DateTime.UtcNow;
        var holding = false;
        try
        {
            await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            holding = true;
            started = DateTime.UtcNow;
            var run = _target.RunAsync(program, _timeout, _stopping.Token);
            // A guard beyond the target's own limit: a target that never returns must not hang the suite.
            return await run.WaitAsync(_timeout + TimeSpan.FromSeconds(15), _stopping.Token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new TargetRun(RunStatus.Timeout, [], $"the target did not return within {_timeout.TotalSeconds:0.#} s (and a 15 s grace)", DateTime.UtcNow - started);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return new TargetRun(RunStatus.Error, [], "the run was stopped", DateTime.UtcNow - started);
        }
        catch (Exception error)
        {
            return new TargetRun(RunStatus.Error, [], $"the target adapter threw {error.GetType().Name}: {error.Message}", DateTime.UtcNow - started);
        }
        finally
        {
            if (holding) _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] workers;
        lock (_gate) workers = [.. _workers];
        try { await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false); }
        catch { /* stopping: nothing left to report */ }
        _stopping.Dispose();
    }

    private sealed class Job(ScenarioProgram program, ScenarioExecutor owner)
    {
        private readonly Lazy<Task<TargetRun>> _run = new(() => owner.RunNowAsync(program), LazyThreadSafetyMode.ExecutionAndPublication);

        public ScenarioProgram Program => program;

        public Task<TargetRun> Start() => _run.Value;
    }
}
