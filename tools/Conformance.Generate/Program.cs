using Conformance.Generate;
using Conformance.Harness.Scenarios;

// dotnet run --project tools/Conformance.Generate [-- --check]: docs/testing.md, "Generated files".
return GenerateCommand.Run(args, RepositoryRoot.Find(), Console.Out, Console.Error);
