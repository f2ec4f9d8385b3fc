using Conformance.Harness.Generated;
using Conformance.Matrix.Model;

namespace Conformance.Generate;

/// <summary>
/// <c>generate</c> writes every generated artefact (<see cref="Artefacts"/>) through <see cref="GeneratedWriter"/>;
/// <c>generate --check</c> writes nothing and exits 1 listing each stale file. Exit 2: a usage error, a model that cannot be
/// read, or a conflict (a hand-written file where a generated one goes): nothing is written.
/// </summary>
public static class GenerateCommand
{
    public const string Usage = "usage: dotnet run --project tools/Conformance.Generate [-- --check]";

    public static int Run(string[] args, string root, TextWriter output, TextWriter error)
    {
        var check = args is ["--check"];
        if (args.Length > 0 && !check) { error.WriteLine(Usage); return 2; }

        GeneratedPlan plan;
        try
        {
            plan = GeneratedWriter.Plan(root, Artefacts.Of(root));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"generate: {e.Message}");
            return 2;
        }
        if (plan.Conflicts.Count > 0)
        {
            foreach (var conflict in plan.Conflicts) error.WriteLine($"generate: {conflict}");
            error.WriteLine("generate: nothing written");
            return 2;
        }
        // Issue 19, item 3: the pairwise criterion's figure (docs/coverage.md carries it too).
        output.WriteLine("propagation matrix: " + PairwisePlan.Figure(MatrixPlan.All()));
        if (check)
        {
            foreach (var change in plan.Changes) output.WriteLine(change.Deletes ? $"stale: {change.Path} (the model no longer makes it)" : $"stale: {change.Path}");
            output.WriteLine(plan.Changes.Count == 0
                ? "generated files up to date"
                : $"{plan.Changes.Count} generated file(s) stale; run: {GeneratedHeader.Command}");
            return plan.Changes.Count == 0 ? 0 : 1;
        }
        GeneratedWriter.Apply(root, plan);
        foreach (var change in plan.Changes) output.WriteLine(change.Deletes ? $"removed {change.Path}" : $"wrote {change.Path}");
        output.WriteLine(plan.Changes.Count == 0 ? "generated files up to date" : $"{plan.Changes.Count} file(s) changed");
        return 0;
    }
}
