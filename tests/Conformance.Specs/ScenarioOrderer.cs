using Conformance.Specs.Session;
using Xunit.v3;

namespace Conformance.Specs;

/// <summary>
/// Keeps the rows in feature-file then document order (xunit's default order is a hash, which would end and restart
/// Reqnroll's feature context at every switch). It is also where the run learns its selection: xunit hands the orderer
/// exactly the rows left after `dotnet test --filter`, so their programs are prefetched on the target and unselected
/// scenarios never run.
/// </summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, Xunit.Sdk.ITestCase
    {
        var catalog = ConformanceSession.Catalog;
        var ordered = testCases
            .Select(testCase => (testCase, key: KeyOf(testCase)))
            .OrderBy(p => p.key is null ? int.MaxValue : catalog.IndexOf(p.key))
            .ThenBy(p => p.testCase.TestCaseDisplayName, StringComparer.Ordinal)
            .ToArray();
        var keys = ordered.Select(p => p.key).OfType<string>().ToArray();
        if (keys.Length > 0) ConformanceSession.Run.Prefetch(keys);
        return ordered.Select(p => p.testCase).ToArray();
    }

    private static string? KeyOf(Xunit.Sdk.ITestCase testCase) =>
        testCase is XunitTestCase { TestMethodArguments: [string key, ..] } ? key : null;
}
