using Conformance.Specs.Session;
using Xunit;

[assembly: AssemblyFixture(typeof(ConformanceRunFixture))]

namespace Conformance.Specs.Session;

/// <summary>Closes the conformance run when xunit finishes the assembly: Reqnroll's reports, summary.md.</summary>
public sealed class ConformanceRunFixture : IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await ConformanceSession.FinishAsync();
}
