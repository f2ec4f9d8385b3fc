namespace Workers.AsyncContext;

/// <summary>
/// A Node.js member Workers deliberately leaves out (CAV-ENTERWITH-1, OBS-ENTERWITH-THROWS-1) or an option it
/// rejects (CAV-TRIGGER-1, OBS-TRIGGER-THROWS-1). Maps to a JavaScript <c>Error</c>.
/// </summary>
public sealed class NotImplementedInWorkersException(string message) : Exception(message);
