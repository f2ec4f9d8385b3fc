using Conformance.Specs.Reqnroll;
using global::Reqnroll.Bindings.Discovery;
using global::Reqnroll.Formatters.PayloadProcessing.Cucumber;
using global::Reqnroll.Infrastructure;
using global::Reqnroll.Plugins;
using global::Reqnroll.Tracing;
using global::Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(ConformanceRuntimePlugin))]

namespace Conformance.Specs.Reqnroll;

/// <summary>
/// Registers this assembly's unit-test runtime provider (without a unit-test plugin Reqnroll falls back to a provider named
/// "nunit" that is not registered; Reqnroll.xUnit and the generator do not restore here, so Reqnroll's runtime is driven
/// directly), the step definitions made from the phrase table (<see cref="PhraseBindings"/>), and the message factory that
/// gives a skipped step its reason (<see cref="SkippedStepMessageFactory"/>).
/// </summary>
public sealed class ConformanceRuntimePlugin : IRuntimePlugin
{
    private const string ProviderName = "xunit3-conformance";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<XunitV3RuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
            e.ObjectContainer.RegisterTypeAs<PhraseBindings, IRuntimeBindingSourceProcessor>();
            e.ObjectContainer.RegisterTypeAs<SkippedStepMessageFactory, ICucumberMessageFactory>();
        };
        // The output helper (the trace attached to each scenario's report) needs an attachment handler, as unit-test plugins register.
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<AttachmentHandler, IReqnrollAttachmentHandler>();
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
    }

    /// <summary>Reqnroll's attachment handler (its constructor is protected): attachments are reported, not forwarded.</summary>
    public sealed class AttachmentHandler(ITraceListener traceListener) : ReqnrollAttachmentHandler(traceListener);
}
