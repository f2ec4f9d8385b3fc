using System.Diagnostics;

namespace Conformance.Harness.Targets.Process;

/// <summary>
/// Every runtime process runs so that it cannot change anything outside its own run folder and has no network (issue 18
/// item 3; spec/runtime-bridges.md, "Sandbox"; docs/hostile-input.md). util-linux `unshare` (on every Debian image) gives
/// the process its own mount namespace and an empty network namespace (a loopback that is down, no other interface); inside
/// it, <see cref="Script"/> makes every mount read-only except the run folder, then `setpriv` drops every capability, so the
/// program cannot remount anything writable again, before the runtime is executed.
/// As root the namespaces need no more; any other user gets them inside a user namespace of its own (`--map-root-user`).
/// `unshare` does not fork: it enters the namespaces and executes perl, which executes `setpriv`, which executes the
/// runtime, so the runtime is the process the harness started (same process id, its own exit code or signal, its children
/// found by the harness's process-tree kill, as without the sandbox).
/// Where namespaces are not available the target is unavailable and says so, unless the sandbox is turned off explicitly
/// with <see cref="Variable"/>=off.
/// </summary>
internal static class Sandbox
{
    /// <summary>`off` runs the runtimes without the sandbox: a program can then write wherever the harness's user can.</summary>
    public const string Variable = "CONFORMANCE_SANDBOX";

    public const string Unshare = "/usr/bin/unshare";

    public const string Perl = "/usr/bin/perl";
    public const string Setpriv = "/usr/bin/setpriv";

    /// <summary>
    /// Run by perl (Essential on Debian) inside the new namespaces, with the writable folder first and the runtime's command
    /// after it, as arguments: nothing is ever parsed by a shell. Three system calls of the new mount API, whose numbers are the
    /// same on every architecture (Linux 5.12 or later): open_tree (428) clones the folder's mount while it is still
    /// writable; mount_setattr (442) with AT_RECURSIVE makes every mount read-only, /proc, /sys, /dev and /dev/shm included;
    /// move_mount (429) puts the writable clone back over the folder. Then setpriv drops every capability (so nothing can be
    /// remounted writable again) and executes the runtime. One failure stops the run (exit 125) before the runtime starts.
    /// </summary>
    private const string Script = """
        my $w = shift @ARGV;
        my ($here, $root, $empty, $ro) = ($w, "/", "", pack("QQQQ", 1, 0, 0, 0));
        my $tree = syscall(428, -100, $here, 1 | 0x80000);
        $tree >= 0 or die "sandbox: open_tree $w: $!\n";
        syscall(442, -100, $root, 0x8000, $ro, 32) == 0 or die "sandbox: mount_setattr /: $!\n";
        syscall(429, $tree, $empty, -100, $here, 4) == 0 or die "sandbox: move_mount $w: $!\n";
        chdir $w or die "sandbox: chdir $w: $!\n";
        exec { "/usr/bin/setpriv" } "setpriv", "--no-new-privs", "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", "--", @ARGV;
        die "sandbox: exec $ARGV[0]: $!\n";
        """;

    /// <summary>Whether runs are sandboxed by default: unless <see cref="Variable"/> is `off` (<see cref="ProcessTargetOptions.Sandboxed"/>).</summary>
    public static bool Enabled => !string.Equals(Environment.GetEnvironmentVariable(Variable), "off", StringComparison.OrdinalIgnoreCase);

    private static readonly Lazy<Task<string?>> Check = new(ProbeAsync);

    /// <summary>Null when the sandbox works here (or is turned off); otherwise why not and what to do.</summary>
    public static Task<string?> ProblemAsync(ProcessTargetOptions options) => options.Sandboxed ? Check.Value : Task.FromResult<string?>(null);

    /// <summary>The same process, started inside the sandbox with <paramref name="spec"/>'s working directory as the one writable folder.</summary>
    public static ProcessSpec Wrap(ProcessSpec spec) => Wrap(spec, namespaces);

    private static ProcessSpec Wrap(ProcessSpec spec, IReadOnlyList<string> namespaceArguments) => spec with
    {
        FileName = Unshare,
        Arguments = [.. namespaceArguments, "--", Perl, "-e", Script, spec.WorkingDirectory, spec.FileName, .. spec.Arguments],
    };

    /// <summary>
    /// As root, the mount and network namespaces alone; a user that is not root (or a root without CAP_SYS_ADMIN, as in a
    /// default container) gets them inside a user namespace of its own. The probe keeps the first that works.
    /// </summary>
    private static readonly IReadOnlyList<string>[] Variants =
    [
        ["--mount", "--net"],
        ["--user", "--map-root-user", "--mount", "--net"],
    ];

    private static IReadOnlyList<string> namespaces = Environment.IsPrivilegedProcess ? Variants[0] : Variants[1];

    private static async Task<string?> ProbeAsync()
    {
        const string off = $"set {Variable}=off to run without it (a program can then write wherever this user can, and reach the network)";
        if (!OperatingSystem.IsLinux()) return $"the sandbox (issue 18 item 3) needs Linux namespaces; {off}";
        foreach (var (tool, package) in new[] { (Unshare, "util-linux"), (Setpriv, "util-linux"), (Perl, "perl-base") })
            if (!File.Exists(tool)) return $"the sandbox (issue 18 item 3) needs {tool} (Debian package {package}); {off}";
        var failures = new List<string>();
        foreach (var variant in Environment.IsPrivilegedProcess ? Variants : Variants[1..])
        {
            if (await TryAsync(variant).ConfigureAwait(false) is not { } failure)
            {
                namespaces = variant;
                return null;
            }
            failures.Add($"`unshare {string.Join(' ', variant)}`: {failure}");
        }
        return $"the sandbox (issue 18 item 3) does not work here: {string.Join("; ", failures)}; {off}";
    }

    /// <summary>Null when a program in the sandbox can write its folder and cannot write the folder above it.</summary>
    private static async Task<string?> TryAsync(IReadOnlyList<string> variant)
    {
        var folder = Directory.CreateTempSubdirectory("conformance-sandbox-probe-");
        var escape = Path.Combine(folder.Parent!.FullName, $"{folder.Name}-escape");
        try
        {
            var spec = Wrap(new ProcessSpec("/bin/sh", ["-c", "echo ok > ./probe && ! touch \"$0\" 2>/dev/null", escape], folder.FullName, new Dictionary<string, string?>()), variant);
            var start = new ProcessStartInfo(spec.FileName, spec.Arguments) { WorkingDirectory = spec.WorkingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = System.Diagnostics.Process.Start(start)!;
            var stderr = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode == 0 && File.Exists(Path.Combine(folder.FullName, "probe")) && !File.Exists(escape)) return null;
            return $"exited with {process.ExitCode}{(File.Exists(escape) ? ", and wrote outside its folder" : "")}: {stderr.Trim()}";
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { }
            File.Delete(escape);
        }
    }
}
