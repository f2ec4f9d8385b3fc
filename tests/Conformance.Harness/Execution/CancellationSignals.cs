using System.Runtime.InteropServices;

namespace Conformance.Harness.Execution;

/// <summary>
/// SIGINT and SIGTERM seen by the test host (issue 18, item 1): Ctrl-C reaches every process of the terminal's group, so the
/// host learns of it while the runtimes it started are being killed by the same signal. The handler only reports the
/// signal; the default action (ending the process) still follows.
/// </summary>
public static class CancellationSignals
{
    /// <summary>Calls <paramref name="onSignal"/> with the signal's name; dispose to stop watching.</summary>
    public static IDisposable Watch(Action<string> onSignal)
    {
        var registrations = new List<PosixSignalRegistration>();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try { registrations.Add(PosixSignalRegistration.Create(signal, context => onSignal(context.Signal.ToString()))); }
            catch (PlatformNotSupportedException) { }
        }
        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose() => registrations.ForEach(r => r.Dispose());
    }
}
