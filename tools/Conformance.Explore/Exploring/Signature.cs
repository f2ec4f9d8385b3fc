using System.Text;
using Conformance.Explore.Generation;

namespace Conformance.Explore.Exploring;

/// <summary>
/// The group a divergence belongs to: the minimised program's shape with its values abstracted. Each node is written as its
/// kind (capture and await with their form), children in parentheses, in order; labels, run values, storage names and delays
/// are left out. Two divergences with the same minimised shape are taken as one bug met twice, e.g.
/// `timeout(log)` or `capture:AsyncLocalStorage.snapshot(log) then(log)`; a source names its recipe and where its steps ran,
/// `source[node:events once](log)`.
/// </summary>
public static class Signature
{
    public static string Of(IReadOnlyList<Operation> operations) => string.Join(" ", operations.Select(Of));

    private static string Of(Operation operation)
    {
        var text = new StringBuilder(operation.Kind == OperationKind.Source ? SourceRendering.SignatureOf(operation) : operation.Kind.ToString().ToLowerInvariant());
        if (operation.Kind == OperationKind.Capture) text.Append(':').Append(Operation.CaptureForms[operation.Variant]);
        if (operation.Kind == OperationKind.Await) text.Append(':').Append(Operation.AwaitForms[operation.Variant]);
        if (operation.Body.Count > 0) text.Append('(').Append(Of(operation.Body)).Append(')');
        return text.ToString();
    }

    /// <summary>The signature as a file name: lower case letters, digits and dashes.</summary>
    public static string Slug(string signature)
    {
        var text = new StringBuilder();
        foreach (var c in signature.ToLowerInvariant())
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length <= 100 ? slug : slug[..80] + "-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(signature)))[..12].ToLowerInvariant();
    }
}
