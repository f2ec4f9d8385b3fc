namespace Conformance.Specs.Session;

/// <summary>
/// Points Reqnroll's HTML and NDJSON formatters (enabled in reqnroll.json) into the run's report folder, through Reqnroll's
/// own per-formatter environment overrides. A value the caller already set wins.
/// </summary>
public static class ReqnrollReportLocation
{
    public const string HtmlFile = "living-documentation.html";
    public const string NdjsonFile = "cucumber-messages.ndjson";

    public static void Apply(string reportDirectory)
    {
        Directory.CreateDirectory(reportDirectory);
        SetIfAbsent("REQNROLL_FORMATTERS_HTML", $"outputFilePath={Path.Combine(reportDirectory, HtmlFile)}");
        SetIfAbsent("REQNROLL_FORMATTERS_MESSAGE", $"outputFilePath={Path.Combine(reportDirectory, NdjsonFile)}");
    }

    private static void SetIfAbsent(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) Environment.SetEnvironmentVariable(name, value);
    }
}
