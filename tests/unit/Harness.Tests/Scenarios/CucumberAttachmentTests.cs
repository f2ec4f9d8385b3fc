using System.Text;
using System.Text.Json;
using Conformance.Harness.Features;
using Conformance.Harness.Snapshots;

namespace Harness.Tests.Scenarios;

/// <summary>
/// Reqnroll's own NDJSON formatter (reqnroll.json "formatters": "message"), run through the real Conformance.Specs assembly on
/// the fixture features (reference target): each scenario that ran carries its verified trace, as a log attachment (the
/// expected-trace line the HTML formatter shows) and as the snapshot file itself (IReqnrollOutputHelper.AddAttachment: base64,
/// with its file name), both in that scenario's test case.
/// </summary>
public sealed class CucumberAttachmentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Each_scenario_that_ran_carries_its_verified_trace_in_the_ndjson()
    {
        var (report, output, exitCode) = await SpecsAssembly.RunOnFixturesAsync(_temp);

        var ndjson = Path.Combine(report, "cucumber-messages.ndjson");
        Assert.True(File.Exists(ndjson), $"no {ndjson}:\n{output}");
        var messages = File.ReadLines(ndjson).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var attachments = messages.Where(m => m.TryGetProperty("attachment", out _)).Select(m => m.GetProperty("attachment")).ToArray();
        var pickleOfCase = messages.Where(m => m.TryGetProperty("testCase", out _)).Select(m => m.GetProperty("testCase"))
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("pickleId").GetString()!);
        var caseOfStart = messages.Where(m => m.TryGetProperty("testCaseStarted", out _)).Select(m => m.GetProperty("testCaseStarted"))
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("testCaseId").GetString()!);
        var pickleName = messages.Where(m => m.TryGetProperty("pickle", out _)).Select(m => m.GetProperty("pickle"))
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("name").GetString()!);

        var catalog = FeatureCatalog.Load(Path.Combine(_temp.Path, "features"));
        var ran = catalog.Entries.Where(e => e.Problem is null && File.Exists(e.VerifiedPath)).ToArray();
        Assert.NotEmpty(ran);
        foreach (var entry in ran)
        {
            var mine = attachments.Where(a => pickleName[pickleOfCase[caseOfStart[a.GetProperty("testCaseStartedId").GetString()!]]] == entry.Name).ToArray();
            var verified = TraceText.Render(TraceText.Read(entry.VerifiedPath));
            var fileName = Path.GetFileName(entry.VerifiedPath);
            Assert.Contains(mine, a => a.GetProperty("mediaType").GetString() == "text/x.cucumber.log+plain"
                && a.GetProperty("body").GetString() == $"expected trace, the verified snapshot {fileName}:\n{verified}");
            Assert.Contains(mine, a => a.TryGetProperty("fileName", out var name) && name.GetString() == fileName
                && a.GetProperty("contentEncoding").GetString() == "BASE64"
                && Encoding.UTF8.GetString(Convert.FromBase64String(a.GetProperty("body").GetString()!)) == verified);
        }
    }
}
