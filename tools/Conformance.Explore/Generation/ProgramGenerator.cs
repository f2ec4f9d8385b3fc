using Conformance.Explore.Sources;

namespace Conformance.Explore.Generation;

/// <summary>
/// Composes a program from a seed and an index. Deterministic by construction: every timer is awaited where it is made and
/// none is made where work runs concurrently (inside <see cref="OperationKind.All"/> or <see cref="OperationKind.Detached"/>),
/// so at most one timer is pending at any time and no two share a deadline; every delay is distinct and below the settle
/// bound (TF-14); nothing reads I/O. With a <see cref="SourceCatalog"/>, a third of the containers are async sources of the
/// inventory (issue 19, item 4): the seed picks the recipe (each equally likely, so over enough programs every one appears)
/// and where each of its steps runs; a timer recipe counts as a timer.
/// </summary>
public sealed class ProgramGenerator(SourceCatalog sources, int maxDepth = 3, int maxTopLevel = 4, int maxBody = 3)
{
    public SourceCatalog Sources => sources;

    public const int MaxDelayMs = 40;

    public ExploredProgram Generate(long seed, int index)
    {
        var state = new State(SplitMix64.ForProgram(seed, index));
        var count = 1 + state.Random.Below(maxTopLevel);
        var operations = new List<Operation>();
        for (var i = 0; i < count; i++) operations.Add(Next(state, depth: 0, timersAllowed: true));
        return new ExploredProgram(seed, index, operations);
    }

    private sealed class State(SplitMix64 random)
    {
        public SplitMix64 Random { get; } = random;
        public int NextId { get; set; } = 1;
        public int NextDelay { get; set; } = 1;
    }

    private static readonly OperationKind[] Leaves = [OperationKind.Log, OperationKind.Log, OperationKind.Await, OperationKind.Wait];

    private static readonly OperationKind[] Containers =
    [
        OperationKind.Run, OperationKind.Run, OperationKind.Exit, OperationKind.Then, OperationKind.Timeout, OperationKind.Microtask,
        OperationKind.Listener, OperationKind.Thenable, OperationKind.Capture, OperationKind.Capture, OperationKind.All, OperationKind.Detached,
    ];

    private Operation Next(State state, int depth, bool timersAllowed)
    {
        var random = state.Random;
        var container = depth < maxDepth && random.Below(3) != 0;
        var kind = !container ? random.Pick(Leaves)
            : sources.Recipes.Count > 0 && random.Below(3) == 0 ? OperationKind.Source
            : random.Pick(Containers);
        SourceRecipe? recipe = null;
        if (kind == OperationKind.Source)
        {
            var timerAllowed = timersAllowed && state.NextDelay <= MaxDelayMs;
            // Where no timer may start, the pick is among the recipes that start none (each still equally likely there).
            recipe = timerAllowed ? random.Pick(sources.Recipes) : random.Pick(sources.Recipes.Where(r => !r.Timer).ToList());
        }
        // A timer where work runs concurrently, or with no distinct delay left, becomes a plain await (see the class summary).
        if ((kind is OperationKind.Wait or OperationKind.Timeout) && (!timersAllowed || state.NextDelay > MaxDelayMs))
            kind = kind == OperationKind.Wait ? OperationKind.Await : OperationKind.Then;

        var id = state.NextId++;
        var storage = random.Below(Operation.Storages.Count);
        var variant = kind switch
        {
            OperationKind.Capture => random.Below(Operation.CaptureForms.Count),
            OperationKind.Await => random.Below(Operation.AwaitForms.Count),
            OperationKind.Source => Operation.EncodePlacements(PlaceSteps(random, recipe!)),
            _ => 0,
        };
        var delay = kind is OperationKind.Wait or OperationKind.Timeout || recipe is { Timer: true } ? state.NextDelay++ : 0;
        if (!container || kind is OperationKind.Log or OperationKind.Await or OperationKind.Wait)
            return new Operation(id, kind, storage, variant, delay, []);

        var childTimers = timersAllowed && kind is not (OperationKind.All or OperationKind.Detached);
        var body = new List<Operation>();
        // Each body starts by logging, so every context entered is seen at least once.
        if (kind != OperationKind.All) body.Add(new Operation(state.NextId++, OperationKind.Log, 0, 0, 0, []));
        var size = (kind == OperationKind.All ? 2 : 0) + random.Below(maxBody);
        for (var i = 0; i < size; i++) body.Add(Next(state, depth + 1, childTimers));
        if (kind == OperationKind.All && body.Count == 0) body.Add(new Operation(state.NextId++, OperationKind.Log, 0, 0, 0, []));
        return new Operation(id, kind, storage, variant, delay, body, recipe);
    }

    private static readonly Placement[] StepPlacements = [Placement.Own, Placement.Own, Placement.Own, Placement.Enclosing, Placement.Exit];

    // Mostly a frame of its own, so each candidate frame (creation, registration, trigger, the request, none) holds a distinct
    // store; sometimes the enclosing frame or none; a first creation step sometimes at the module's top level.
    private static List<Placement> PlaceSteps(SplitMix64 random, SourceRecipe recipe) =>
        [.. recipe.Steps.Select((_, i) => i == 0 && recipe.CanCreateAtTopLevel && random.Below(5) == 0 ? Placement.TopLevel : random.Pick(StepPlacements))];
}
