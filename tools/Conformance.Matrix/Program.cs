using Conformance.Matrix;

// Usage: dotnet run --project tools/Conformance.Matrix [-- <repository root>]
// Writes features/matrix/*.feature and docs/coverage.md from the model (Data/); prints what changed.
var root = args.Length switch
{
    0 => FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory()),
    1 => Path.GetFullPath(args[0]),
    _ => null,
};
if (root is null || !File.Exists(Path.Combine(root, "Conformance.sln")))
{
    Console.Error.WriteLine("usage: Conformance.Matrix [<repository root holding Conformance.sln>]");
    return 2;
}
var changed = MatrixOutput.WriteTo(root);
foreach (var path in changed) Console.WriteLine($"wrote {path}");
Console.WriteLine(changed.Count == 0 ? "matrix up to date" : $"{changed.Count} file(s) changed");
return 0;

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
    return null;
}
