using System.Collections.Concurrent;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Targets;

namespace Conformance.Harness.Execution;

/// <summary>
/// Runs scheduled programs on a target ahead of the tests, with at most <see cref="Parallelism"/> at once, in the order
/// scheduled (feature order). A test awaits its own program's run: started already, finished already, or started on
/// demand when the test reaches it first. A run is never repeated: the first request for an id starts it, later ones share it.
/// On a target that batches (<see cref="IBatchingTarget"/>, TF-1b) prefetch takes the queue a batch at a time, in order, and
/// each batch takes one slot; a test whose program a batch took waits for that batch, and one no batch took yet runs alone.
/// <see cref="RunAllAsync"/> runs a set of programs the way prefetch does (in batches on a batching target) and waits for
/// them without claiming any: the exploration (tools/Conformance.Explore) runs its rounds that way.
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
    private int _activeWorkers; // under _gate: workers that may still take from the queue

    /// <param name="inFlight">Told which programs run right now (issue 18, item 5), or null.</param>
    public ScenarioExecutor(ITarget target, TimeSpan timeout, int? maxParallelism = null, bool batching = true, Reports.InFlightRows? inFlight = null)
    {
        _inFlight = inFlight;
        _target = target;
        _timeout = timeout;
        _batching = batching ? target as IBatchingTarget : null;
        var most = _batching?.MaxBatchesInFlight ?? target.MaxParallelism;
        Parallelism = Math.Max(1, Math.Min(most, maxParallelism ?? int.MaxValue));
        _slots = new SemaphoreSlim(Parallelism, Parallelism);
    }

    private readonly IBatchingTarget? _batching;
    private readonly Reports.InFlightRows? _inFlight;

    /// <summary>Whether prefetch runs programs in batches (the target batches and batching was not turned off).</summary>
    public bool Batching => _batching is not null;

    // Every run, prefetched or demanded by a test, takes a slot: the target never sees more than Parallelism at once.
    private readonly SemaphoreSlim _slots;

    public int Parallelism { get; }

    /// <summary>
    /// Queues programs for prefetch, in order; already known ids are ignored. Starts workers up to <see cref="Parallelism"/>,
    /// again after earlier ones ran out of work, so a later schedule is prefetched (and batched) as the first was.
    /// </summary>
    public void Schedule(IEnumerable<ScenarioProgram> programs)
    {
        foreach (var program in programs)
        {
            var job = new Job(program, this);
            if (_jobs.TryAdd(program.Id, job)) _queue.Enqueue(job);
        }
        lock (_gate)
        {
            _workers.RemoveAll(worker => worker.IsCompleted);
            while (_activeWorkers < Parallelism)
            {
                _activeWorkers++;
                _workers.Add(Task.Run(WorkAsync));
            }
        }
    }

    /// <summary>
    /// The runs of <paramref name="programs"/>, in order: queued as <see cref="Schedule"/> does and left to the workers, so
    /// on a batching target they run in batches rather than one by one. Each id must be new or name the same program;
    /// an id already known for another program runs that program alone, as <see cref="RunAsync"/> would.
    /// </summary>
    public async Task<IReadOnlyList<TargetRun>> RunAllAsync(IReadOnlyList<ScenarioProgram> programs)
    {
        Schedule(programs);
        var runs = programs.Select(program => _jobs.TryGetValue(program.Id, out var job) && SameProgram(job.Program, program)
            ? job.Result : RunNowAsync(program));
        return await Task.WhenAll(runs).ConfigureAwait(false);
    }

    /// <summary>
    /// The run of <paramref name="program"/>: the prefetched one, or a run started now. A row's program is compiled once
    /// (issue 17, item 2), so the program scheduled under an id is the one its test asks for; another program under a known
    /// id is a harness fault, refused rather than run again.
    /// </summary>
    public Task<TargetRun> RunAsync(ScenarioProgram program)
    {
        var job = _jobs.GetOrAdd(program.Id, _ => new Job(program, this));
        if (!ReferenceEquals(job.Program, program) && !SameProgram(job.Program, program))
            throw new InvalidOperationException($"{program.Id} was scheduled with another program: a row's program is compiled once");
        return job.Start();
    }

    /// <summary>
    /// Whether two programs would run identically: every scalar field by the record's own equality (so a declaration added to
    /// ScenarioProgram later is compared without being named here), the lists by their items, the plan by its rendered module.
    /// </summary>
    internal static bool SameProgram(ScenarioProgram a, ScenarioProgram b) =>
        Scalars(a) == Scalars(b) && a.CompatibilityFlags.SequenceEqual(b.CompatibilityFlags) && a.Bindings.SequenceEqual(b.Bindings)
        && PlanModule.Render(a.Plan) == PlanModule.Render(b.Plan);

    private static readonly ScenarioPlan NoPlan = new([], Concurrent: false);
    private static readonly string[] NoFlags = [];
    private static readonly PlatformBinding[] NoBindings = [];

    private static ScenarioProgram Scalars(ScenarioProgram program) =>
        program with { Plan = NoPlan, CompatibilityFlags = NoFlags, Bindings = NoBindings };

    private async Task WorkAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            if (_batching is { } batching)
            {
                if (TakeBatch(batching) is { Count: > 0 } batch) { await RunBatchAsync(batching, batch).ConfigureAwait(false); continue; }
            }
            else if (_queue.TryDequeue(out var job))
            {
                try { await job.Start().ConfigureAwait(false); }
                catch { /* the result (or failure) is kept in the job for its test */ }
                continue;
            }
            // Out of work: stop, unless a schedule queued more after the look (it counted this worker as active, so it
            // started none in its place).
            lock (_gate)
            {
                if (_queue.IsEmpty) { _activeWorkers--; return; }
            }
        }
    }

    /// <summary>The next jobs in queue order that nothing started yet: an equal share of what is left per slot, at most the target's batch size.</summary>
    private List<Job> TakeBatch(IBatchingTarget batching)
    {
        var size = Math.Clamp((_queue.Count + Parallelism - 1) / Parallelism, 1, Math.Max(1, batching.MaxBatchSize));
        var batch = new List<Job>(size);
        while (batch.Count < size && _queue.TryDequeue(out var job))
            if (job.TryClaim()) batch.Add(job);
        return batch;
    }

    private async Task RunBatchAsync(IBatchingTarget batching, List<Job> batch)
    {
        // The guard of RunNowAsync, per program: the batch's time limit holds for each program in turn.
        var runs = await RunInSlotAsync([.. batch.Select(j => j.Program.Id)], () => batching.RunBatchAsync([.. batch.Select(j => j.Program)], _timeout, _stopping.Token),
            _timeout * batch.Count + Grace,
            $"the target did not return the batch of {batch.Count} within {batch.Count} x {_timeout.TotalSeconds:0.#} s (and a 15 s grace)").ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Complete(runs[i]);
    }

    private async Task<TargetRun> RunNowAsync(ScenarioProgram program)
    {
        // A guard beyond the target's own limit: a target that never returns must not hang the suite.
        var runs = await RunInSlotAsync([program.Id], async () => [await _target.RunAsync(program, _timeout, _stopping.Token).ConfigureAwait(false)],
            _timeout + Grace, $"the target did not return within {_timeout.TotalSeconds:0.#} s (and a 15 s grace)").ConfigureAwait(false);
        return runs[0];
    }

    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Runs <paramref name="work"/> (the runs of the programs <paramref name="ids"/>) in a slot: waits for one, holds it while the
    /// work runs, and gives every program the same TIMEOUT when the work outlives <paramref name="guard"/>, the same ERROR when
    /// the run is stopped or the target adapter throws (or returns another number of runs). Never throws; always frees the slot.
    /// </summary>
    private async Task<IReadOnlyList<TargetRun>> RunInSlotAsync(IReadOnlyList<string> ids, Func<Task<IReadOnlyList<TargetRun>>> work, TimeSpan guard, string timeoutDetail)
    {
        var count = ids.Count;
        var started = DateTime.UtcNow;
        var holding = false;
        IReadOnlyList<TargetRun> Every(RunStatus status, string detail) =>
            [.. Enumerable.Repeat(new TargetRun(status, [], detail, DateTime.UtcNow - started), count)];
        try
        {
            await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
            holding = true;
            started = DateTime.UtcNow;
            _inFlight?.Started(ids);
            var runs = await work().WaitAsync(guard, _stopping.Token).ConfigureAwait(false);
            if (runs.Count != count) throw new InvalidOperationException($"the batch of {count} returned {runs.Count} runs");
            return runs;
        }
        catch (TimeoutException)
        {
            return Every(RunStatus.Timeout, timeoutDetail);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return Every(RunStatus.Error, "the run was stopped");
        }
        catch (Exception error)
        {
            return Every(RunStatus.Error, $"the target adapter threw {error.GetType().Name}: {error.Message}");
        }
        finally
        {
            if (holding)
            {
                _inFlight?.Finished(ids);
                _slots.Release();
            }
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

    /// <summary>One program's run: claimed once, by a batch or by <see cref="Start"/>, and completed once.</summary>
    private sealed class Job(ScenarioProgram program, ScenarioExecutor owner)
    {
        private readonly TaskCompletionSource<TargetRun> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _claimed;

        public ScenarioProgram Program => program;

        /// <summary>The run, once a batch, a worker or <see cref="Start"/> has made it; waiting on it claims nothing.</summary>
        public Task<TargetRun> Result => _result.Task;

        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

        /// <summary>Runs the program alone unless a batch or an earlier call claimed it; either way the one result.</summary>
        public Task<TargetRun> Start()
        {
            if (TryClaim()) _ = RunAloneAsync();
            return _result.Task;
        }

        public void Complete(TargetRun run) => _result.TrySetResult(run);

        private async Task RunAloneAsync() => Complete(await owner.RunNowAsync(program).ConfigureAwait(false));
    }
}
