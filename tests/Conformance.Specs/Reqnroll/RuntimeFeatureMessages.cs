using global::Reqnroll.Formatters.RuntimeSupport;
using Io.Cucumber.Messages.Types;

namespace Conformance.Specs.Reqnroll;

/// <summary>
/// The Cucumber messages of one feature (Source, GherkinDocument, Pickles) made at run time from the parsed file, where the
/// generator would embed them at build time. With them Reqnroll's HTML and NDJSON formatters report the feature.
/// </summary>
public sealed class RuntimeFeatureMessages(Source source, GherkinDocument gherkinDocument, IReadOnlyList<Pickle> pickles) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;
    public Source Source => source;
    public GherkinDocument GherkinDocument => gherkinDocument;
    public IEnumerable<Pickle> Pickles => pickles;
}
