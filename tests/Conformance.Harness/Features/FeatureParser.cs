using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;

namespace Conformance.Harness.Features;

/// <summary>
/// Parses one .feature file with the Gherkin package Reqnroll uses: Parser → AstMessagesConverter → PickleCompiler,
/// with deterministic ids. A file that does not parse becomes a <see cref="FeatureFile"/> carrying the error and its line.
/// </summary>
public static class FeatureParser
{
    /// <param name="fullPath">The file.</param>
    /// <param name="relativePath">Its path under the features root, '/' separated.</param>
    public static FeatureFile Parse(string fullPath, string relativePath)
    {
        var text = File.ReadAllText(fullPath);
        var uri = "features/" + relativePath;
        var source = new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        var fallbackName = Path.GetFileNameWithoutExtension(fullPath);

        Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new StringReader(text));
        }
        catch (CompositeParserException composite)
        {
            var first = composite.Errors.First();
            return Broken(fullPath, relativePath, fallbackName, source, Describe(uri, first, composite.Errors.Count()));
        }
        catch (ParserException error)
        {
            return Broken(fullPath, relativePath, fallbackName, source, Describe(uri, error, 1));
        }

        if (ast.Feature is null)
            return Broken(fullPath, relativePath, fallbackName, source, $"{uri}:1: the file holds no Feature");

        var ids = new SeededIdGenerator(uri);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
        var pickles = new PickleCompiler(ids).Compile(document);
        return new FeatureFile
        {
            RelativePath = relativePath,
            FullPath = fullPath,
            Name = string.IsNullOrWhiteSpace(ast.Feature.Name) ? fallbackName : ast.Feature.Name.Trim(),
            Description = ast.Feature.Description?.Trim() ?? "",
            Language = ast.Feature.Language ?? "en",
            Tags = ast.Feature.Tags.Select(t => t.Name).ToArray(),
            Source = source,
            Document = document,
            Pickles = pickles.ToArray(),
        };
    }

    private static string Describe(string uri, ParserException error, int count)
    {
        var location = error.Location is { } at ? $"{at.Line}:{at.Column}" : "1";
        var more = count > 1 ? $" (and {count - 1} more error{(count > 2 ? "s" : "")})" : "";
        // The exception message already starts with "(line:col): "; keep only what follows it.
        var message = error.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && close > 0) message = message[(close + 3)..];
        return $"{uri}:{location}: {message}{more}";
    }

    private static FeatureFile Broken(string fullPath, string relativePath, string name, Source source, string error) => new()
    {
        RelativePath = relativePath,
        FullPath = fullPath,
        Name = name,
        Source = source,
        ParseError = error,
    };
}
