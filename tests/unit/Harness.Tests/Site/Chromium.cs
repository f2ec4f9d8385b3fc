using System.Diagnostics;

namespace Harness.Tests.Site;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>, which .ci/run installs) rendering a page from <c>file://</c>: the DOM after load,
/// or a screenshot. On a machine without it a test says so and skips; under CI (<c>CI=true</c>) a missing Chromium fails.
/// </summary>
public static class Chromium
{
    public static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser, or a skip (a failure under CI) saying it is missing and how to install it.</summary>
    public static string Require()
    {
        if (Candidates.FirstOrDefault(File.Exists) is { } found) return found;
        var message = $"no headless Chromium here ({string.Join(", ", Candidates)}): install Debian's package: apt-get install -y --no-install-recommends chromium";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"CI=true and {message}");
        Assert.Skip(message);
        return "";
    }

    /// <summary>The serialised DOM of <paramref name="page"/> once loaded (<c>--dump-dom</c>).</summary>
    public static async Task<string> DumpDomAsync(string browser, string page, CancellationToken cancel)
    {
        var (output, _) = await RunAsync(browser, ["--dump-dom", new Uri(page).AbsoluteUri], cancel);
        Assert.True(output.Contains("</html>", StringComparison.Ordinal), $"Chromium rendered no page for {page}:\n{output}");
        return output;
    }

    /// <summary>Writes a PNG of <paramref name="page"/> at 1280 × <paramref name="height"/> to <paramref name="png"/>.</summary>
    public static async Task ScreenshotAsync(string browser, string page, string png, int height, CancellationToken cancel)
    {
        File.Delete(png);
        var (_, error) = await RunAsync(browser, [$"--screenshot={png}", $"--window-size=1280,{height}", new Uri(page).AbsoluteUri], cancel);
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot {png}:\n{error}");
    }

    private static async Task<(string Output, string Error)> RunAsync(string browser, IEnumerable<string> arguments, CancellationToken cancel)
    {
        var profile = Directory.CreateTempSubdirectory("site-chromium-").FullName;
        try
        {
            var info = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={profile}",
                         "--virtual-time-budget=15000" }.Concat(arguments))
                info.ArgumentList.Add(argument);
            using var process = System.Diagnostics.Process.Start(info)!;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            limit.CancelAfter(TimeSpan.FromMinutes(2));
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var error = process.StandardError.ReadToEndAsync(limit.Token);
            try { await process.WaitForExitAsync(limit.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; }
            return (await output, await error);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
