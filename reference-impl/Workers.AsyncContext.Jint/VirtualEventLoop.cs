namespace Workers.AsyncContext.Jint;

/// <summary>
/// The macrotask side of the event loop on a virtual clock: timers and host tasks ordered by deadline, ties
/// in registration order. Time jumps straight to the next deadline, so <c>scheduler.wait(1000)</c> takes no
/// wall time. Each task carries the frame captured when it was scheduled (OBS-TIMER-FRAME-1).
/// </summary>
internal sealed class VirtualEventLoop
{
    private readonly PriorityQueue<Macrotask, (double Deadline, long Seq)> _queue = new();
    private readonly Dictionary<int, Macrotask> _timers = new();
    private long _seq;
    private int _nextId = 1;

    /// <summary>Virtual milliseconds since the run began.</summary>
    public double Now { get; private set; }

    /// <summary>Number of tasks still scheduled (cleared timers excluded).</summary>
    public int Pending => _timers.Count + _hostTasks;

    private int _hostTasks;

    /// <summary>Schedules a timer; returns its id. Intervals repeat every max(ms, 1) virtual ms.</summary>
    public int AddTimer(double ms, bool repeat, AsyncContextFrame frame, Action run)
    {
        var delay = double.IsNaN(ms) || ms < 0 ? 0 : ms;
        var task = new Macrotask(_nextId++, Now + delay, repeat ? Math.Max(delay, 1) : null, frame, run);
        _timers[task.Id] = task;
        _queue.Enqueue(task, (task.Deadline, _seq++));
        return task.Id;
    }

    /// <summary>Schedules a host task (a request dispatch) to run at the current virtual time.</summary>
    public void Enqueue(AsyncContextFrame frame, Action run)
    {
        _hostTasks++;
        _queue.Enqueue(new Macrotask(0, Now, null, frame, run), (Now, _seq++));
    }

    /// <summary>Cancels a timer; unknown ids are ignored.</summary>
    public void Clear(int id)
    {
        if (_timers.Remove(id, out var task)) task.Cancelled = true;
    }

    /// <summary>Takes the next due task, advancing the clock to its deadline; false when nothing is scheduled.</summary>
    public bool TryTakeNext(out Macrotask task)
    {
        while (_queue.TryDequeue(out task!, out _))
        {
            if (task.Cancelled) continue;
            Now = Math.Max(Now, task.Deadline);
            if (task.Id == 0) _hostTasks--;
            else if (task.Interval is { } interval)
            {
                task.Deadline = Now + interval;
                _queue.Enqueue(task, (task.Deadline, _seq++));
            }
            else _timers.Remove(task.Id);
            return true;
        }
        return false;
    }

    /// <summary>One scheduled unit of work.</summary>
    internal sealed class Macrotask(int id, double deadline, double? interval, AsyncContextFrame frame, Action run)
    {
        public int Id { get; } = id;
        public double Deadline { get; set; } = deadline;
        public double? Interval { get; } = interval;
        public AsyncContextFrame Frame { get; } = frame;
        public Action Run { get; } = run;
        public bool Cancelled { get; set; }
    }
}
