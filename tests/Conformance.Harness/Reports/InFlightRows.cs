namespace Conformance.Harness.Reports;

/// <summary>
/// <c>in-flight.txt</c> in a target's report folder: the scenario ids whose programs are running right now, rewritten as each
/// starts and ends (issue 18, item 5). When a program takes the test host down with it, this file is what is left to name
/// the culprit: run-conformance.ps1 shows it with the rows that never ran.
/// </summary>
public sealed class InFlightRows
{
    public const string FileName = "in-flight.txt";

    private readonly string _path;
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public InFlightRows(string reportDirectory)
    {
        Directory.CreateDirectory(reportDirectory);
        _path = Path.Combine(reportDirectory, FileName);
        File.WriteAllText(_path, "");
    }

    public void Started(IEnumerable<string> ids) => Change(ids, +1);

    public void Finished(IEnumerable<string> ids) => Change(ids, -1);

    private void Change(IEnumerable<string> ids, int by)
    {
        lock (_gate)
        {
            foreach (var id in ids)
            {
                var count = _running.GetValueOrDefault(id) + by;
                if (count > 0) _running[id] = count;
                else _running.Remove(id);
            }
            try { File.WriteAllText(_path, string.Concat(_running.Keys.Order(StringComparer.Ordinal).Select(id => id + "\n"))); }
            catch (IOException) { } // a report that cannot be written must not stop the run
        }
    }

    /// <summary>The ids in flight when the run last wrote the file (none when it has none).</summary>
    public static IReadOnlyList<string> Read(string reportDirectory)
    {
        var path = Path.Combine(reportDirectory, FileName);
        return File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray() : [];
    }
}
