using System.Text;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// The slug of a scenario name (spec/trace-format.md, "Snapshots"): lower case, every run of characters other than
/// a-z and 0-9 replaced by one '-', trimmed of '-'.
/// </summary>
public static class ScenarioSlug
{
    public static string From(string scenarioName)
    {
        var builder = new StringBuilder(scenarioName.Length);
        var pendingDash = false;
        foreach (var c in scenarioName.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && builder.Length > 0) builder.Append('-');
                pendingDash = false;
                builder.Append(c);
            }
            else
            {
                pendingDash = true;
            }
        }
        return builder.ToString();
    }
}
