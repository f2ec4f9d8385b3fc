using global::Jint;
using global::Jint.Runtime.Modules;

namespace Workers.AsyncContext.Jint;

/// <summary>
/// Resolves module specifiers within a <see cref="WorkerSource"/>: relative and absolute ones against the
/// importing module, bare ones ("node:async_hooks") by name, so that modules added with
/// <c>engine.Modules.Add</c> are found. Nothing is read from outside the source.
/// </summary>
internal sealed class BundleModuleLoader(WorkerSource source) : ModuleLoader
{
    public override ResolvedSpecifier Resolve(string? referencingModuleLocation, ModuleRequest moduleRequest)
    {
        var specifier = moduleRequest.Specifier;
        if (specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) || specifier.StartsWith('/'))
        {
            var name = ModuleNames.Resolve(referencingModuleLocation, specifier);
            return new ResolvedSpecifier(moduleRequest, name, null, SpecifierType.RelativeOrAbsolute);
        }
        return new ResolvedSpecifier(moduleRequest, specifier, null, SpecifierType.Bare);
    }

    protected override string LoadModuleContents(Engine engine, ResolvedSpecifier resolved) =>
        source.TryLoad(resolved.Key) ?? throw new FileNotFoundException($"No such module: {resolved.Key}");
}
