using Workers.AsyncContext;
using Xunit;

namespace ReferenceImpl.Tests;

public class CoreFrameTests
{
    [Fact]
    public void Empty_has_no_stores_and_no_scope()
    {
        Assert.True(AsyncContextFrame.Empty.IsEmpty);
        Assert.Null(AsyncContextFrame.Empty.Get(new object()));
        Assert.Null(AsyncContextFrame.Empty.Scope);
    }

    [Fact]
    public void With_is_immutable_and_keyed_by_identity()
    {
        object a = new(), b = new();
        var f1 = AsyncContextFrame.Empty.With(a, 1);
        var f2 = f1.With(b, 2).With(a, 3);
        Assert.Equal(1, f1.Get(a));
        Assert.Null(f1.Get(b));
        Assert.Equal(3, f2.Get(a));
        Assert.Equal(2, f2.Get(b));
        Assert.Equal(2, f2.Count);
    }

    [Fact]
    public void With_null_removes_the_entry()
    {
        object a = new(), b = new();
        var f = AsyncContextFrame.Empty.With(a, 1).With(b, 2).With(a, null);
        Assert.Null(f.Get(a));
        Assert.Equal(2, f.Get(b));
        Assert.Equal(1, f.Count);
        Assert.Same(f, f.With(a, null));
    }

    [Fact]
    public void WithScope_keeps_stores_and_With_keeps_scope()
    {
        object a = new(), scope = new();
        var f = AsyncContextFrame.Empty.With(a, 1).WithScope(scope);
        Assert.Same(scope, f.Scope);
        Assert.Equal(1, f.Get(a));
        Assert.Same(scope, f.With(new object(), 5).Scope);
        Assert.Same(f, f.WithScope(scope));
    }
}
