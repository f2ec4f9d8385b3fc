using Workers.AsyncContext;
using Xunit;

namespace ReferenceImpl.Tests;

public class CoreAsyncResourceTests
{
    [Fact] // AR-CTOR-1, CAV-TRIGGER-1: bound to the creating frame; type ignored
    public void Resource_is_bound_to_its_creation_frame()
    {
        var carrier = new PlainCarrier();
        var als = new AsyncLocalStorage(carrier);
        var resource = als.Run(123, () => new AsyncResource(carrier, "MyResource"));
        var noType = als.Run(7, () => new AsyncResource(carrier));
        Assert.Equal(123, resource.RunInAsyncScope(() => als.GetStore())); // AR-RUNINSCOPE-1
        Assert.Equal(7, noType.RunInAsyncScope(() => als.GetStore()));
        Assert.Null(als.GetStore());
    }

    [Fact] // AR-BIND-1
    public void Bind_uses_the_resource_frame()
    {
        var carrier = new PlainCarrier();
        var als = new AsyncLocalStorage(carrier);
        var resource = als.Run("r", () => new AsyncResource(carrier));
        var bound = als.Run("other", () => resource.Bind(() => als.GetStore()));
        Assert.Equal("r", bound());
    }

    [Fact] // AR-STATIC-BIND-1
    public void Static_bind_uses_the_current_frame()
    {
        var carrier = new PlainCarrier();
        var als = new AsyncLocalStorage(carrier);
        var bound = als.Run("now", () => AsyncResource.Bind(carrier, () => als.GetStore(), "T"));
        Assert.Equal("now", bound());
    }

    [Fact] // CAV-TRIGGER-1, OBS-TRIGGER-THROWS-1
    public void Trigger_async_id_is_refused()
    {
        var ex = Assert.Throws<NotImplementedInWorkersException>(() => new AsyncResource(new PlainCarrier(), "x", new AsyncResourceOptions(TriggerAsyncId: 1)));
        Assert.Contains("triggerAsyncId", ex.Message);
        _ = new AsyncResource(new PlainCarrier(), "x", new AsyncResourceOptions());
    }

    [Fact] // CAV-ASYNCHOOKS-1
    public void Async_ids_are_zero()
    {
        var r = new AsyncResource(new PlainCarrier());
        Assert.Equal(0, r.AsyncId());
        Assert.Equal(0, r.TriggerAsyncId());
    }

    [Fact] // AR-RUNINSCOPE-1: exceptions propagate, frame restored
    public void RunInAsyncScope_rethrows_and_restores()
    {
        var carrier = new PlainCarrier();
        var als = new AsyncLocalStorage(carrier);
        var resource = als.Run(1, () => new AsyncResource(carrier));
        Assert.Throws<InvalidOperationException>(() => resource.RunInAsyncScope<int>(() => throw new InvalidOperationException()));
        Assert.Null(als.GetStore());
    }

    [Fact] // OBS-REQUEST-BOUND-1 applies to resources too (observed on workerd)
    public void Resource_is_request_bound_when_scope_binding_is_on()
    {
        var carrier = new PlainCarrier { BindsSnapshotsToScope = true };
        carrier.Current = AsyncContextFrame.Empty.WithScope("A");
        var resource = new AsyncResource(carrier);
        carrier.Current = AsyncContextFrame.Empty.WithScope("B");
        Assert.False(resource.IsUsableNow);
        Assert.Throws<AsyncContextScopeException>(() => resource.RunInAsyncScope(() => 1));
    }
}
