using Conformance.Harness.Expectations;
using Conformance.Harness.Features;
using Conformance.Harness.Reports;
using Conformance.Harness.Requirements;

namespace Conformance.Harness.Execution;

/// <summary>
/// The end of a run: cancellation (issue 18, item 1), what fails the run without being a row's result (items 6 and 8),
/// the known-failure update, summary.md and run-end.json, written last.
/// </summary>
public sealed partial class ConformanceRun
{
    /// <summary>The signal that cancelled the run (SIGINT, SIGTERM), or null.</summary>
    public string? CancelledBy { get; private set; }

    /// <summary>
    /// A cancelled run writes nothing more that outlives it (issue 18, item 1): no verified snapshot from here on, no known-failure
    /// list at its end, and its run-end record says it was cancelled.
    /// </summary>
    public void Cancel(string signal)
    {
        lock (_gate) CancelledBy ??= signal;
        Snapshots.Freeze();
    }

    /// <summary>
    /// Orphan verified files (no scenario's snapshot) fail the run (issue 18, item 8); so does everything the traceability tests
    /// check when the features are the repository's own (their spec is there): uncovered requirement ids, scenarios without one.
    /// </summary>
    private static IEnumerable<string> TraceabilityFailures(FeatureCatalog catalog, ConformanceSettings settings)
    {
        foreach (var orphan in Traceability.OrphanSnapshots(catalog)) yield return $"traceability: {orphan} (remove it, or restore its scenario)";
        if (RequirementCatalog.TryLoad(settings.RepositoryRoot) is not { } spec
            || Path.GetFullPath(settings.FeaturesRoot) != Path.GetFullPath(Path.Combine(settings.RepositoryRoot, "features"))) yield break;
        foreach (var problem in Traceability.UncoveredRequirements(spec, catalog)) yield return $"traceability: {problem}";
        foreach (var problem in Traceability.ScenariosWithoutRequirement(catalog)) yield return $"traceability: {problem}";
        foreach (var problem in Traceability.FeatureListMismatches(spec, catalog)) yield return $"traceability: {problem}";
    }

    /// <summary>What fails the run without being a row's result, so far.</summary>
    public IReadOnlyList<string> Failures
    {
        get { lock (_gate) return [.. _failures]; }
    }

    /// <summary>Writes summary.md; called once at the end of the test run.</summary>
    public void WriteSummary()
    {
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
        }
        if (Settings.UpdateExpectations && CancelledBy is null) UpdateExpectations();
        else if (Settings.UpdateExpectations) lock (_gate) _notices.Add($"the known-failure list {KnownFailures.Path} was NOT updated: the run was cancelled ({CancelledBy})");
        if (CancelledBy is not null) lock (_gate) _notices.Insert(0, $"INCOMPLETE: cancelled by {CancelledBy} after {Journal.Results.Count} scenario(s); these reports are partial");
        var path = Path.Combine(Settings.ReportDirectory, RequirementSummary.FileName);
        File.WriteAllText(path, RequirementSummary.Render(Settings.TargetName, Journal.Results, Notices));
        new RunEnd(Settings.TargetName, CancelledBy is not null, Failures).Write(Settings.ReportDirectory);
    }

    /// <summary>Rewrites the known-failure list from this run's judged rows (CONFORMANCE_UPDATE_EXPECTATIONS), unless the run had problems.</summary>
    private void UpdateExpectations()
    {
        string notice;
        if (Problems.Count > 0) notice = $"the known-failure list {KnownFailures.Path} was NOT updated: the run has problems";
        else
        {
            // Rows that share an id (outline examples) pin one entry: a failing row wins over a passing one.
            var judged = _judged.GroupBy(j => j.Id, StringComparer.Ordinal)
                .Select(g => g.FirstOrDefault(j => j.Status is not (ScenarioStatus.Pass or ScenarioStatus.Skip or ScenarioStatus.NotApplicable)) ?? g.First());
            try
            {
                var ids = Catalog.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
                notice = ExpectationUpdater.Apply(KnownFailures.Path, judged, ids, PinsTraces).ToString();
                var after = KnownFailureList.Load(KnownFailures.Path);
                if (after.Problems.Count > 0)
                    lock (_gate) _failures.Add($"after the update, the known-failure list {KnownFailures.Path} still has problems: " + string.Join("; ", after.Problems));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                notice = $"the known-failure list {KnownFailures.Path} could not be updated: {error.Message}";
                lock (_gate) _failures.Add(notice);
            }
        }
        lock (_gate) _notices.Add(notice);
        UpdateNotice = notice;
    }

    /// <summary>What the expectation update did (or why it did not), once <see cref="WriteSummary"/> ran in update mode.</summary>
    public string? UpdateNotice { get; private set; }
}
