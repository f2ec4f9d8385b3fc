namespace Conformance.Cli.Run;

/// <summary>
/// What one run owns for its life (issue 18 item 4): its report root (<c>.run.lock</c>), and with accept or update the content
/// root's verified files and lists (<c>.conformance-write.lock</c>). The lock is the operating system's, so a run that died holds
/// nothing. Used by `run` and, loaded into PowerShell, by run-conformance.ps1's other modes.
/// </summary>
public static class RunLock
{
    private static readonly List<FileStream> Held = [];

    public static void Enter(string reportRoot, bool writesContent, string contentRoot, string owner)
    {
        Lock(reportRoot, ".run", $"another run{{owner}} is using the report folder {reportRoot}: wait for it to end, or give this run its own report folder", owner);
        if (writesContent)
            Lock(contentRoot, ".conformance-write", "another run{owner} is accepting snapshots or updating known-failure lists in this checkout: wait for it to end", owner);
    }

    private static void Lock(string folder, string name, string busy, string owner)
    {
        Directory.CreateDirectory(folder);
        var ownerPath = Path.Combine(folder, name + ".owner");
        FileStream stream;
        try
        {
            stream = new FileStream(Path.Combine(folder, name + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : "";
            throw new UsageException(busy.Replace("{owner}", holder.Length > 0 ? $" ({holder})" : "", StringComparison.Ordinal));
        }
        File.WriteAllText(ownerPath, $"{owner}, pid {Environment.ProcessId}, started {DateTime.UtcNow:u}\n");
        lock (Held) Held.Add(stream);
    }
}
