namespace Conformance.Inventory.Model;

/// <summary>
/// The frames a callback could run in (issue 19, item 1; the rows of item 2 put a distinct store in each): where the object was
/// created, where the callback was registered, where the call that triggers it was made, the request's own frame, the module's top
/// level, or no frame at all.
/// </summary>
public enum CandidateFrame { Creation, Registration, Trigger, Request, ModuleTopLevel, None }

/// <summary>
/// One callback an async source leads to: what is called (`listener`, `the returned promise's reactions`), when (`emit('x')`
/// is called, the timer fires), and every frame it could run in.
/// </summary>
public sealed record SourceCallback(string Callback, string When, IReadOnlyList<CandidateFrame> Frames);

/// <summary>
/// A member classified as an async source (spec/inventory/README.md, "The model"): <paramref name="Module"/> is `globals` or
/// `node:x`, <paramref name="Path"/> the dump's path, <paramref name="MemberKind"/> the dump's kind (function, class, accessor,
/// handler). This is the record the matrix reads (issue 19, items 2-3): <see cref="InventoryModel.AsyncSources"/>.
/// </summary>
public sealed record AsyncSource(string Module, string Path, string MemberKind, IReadOnlyList<SourceCallback> Callbacks);
