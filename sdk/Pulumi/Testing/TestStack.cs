namespace Pulumi.Testing;

/// <summary>The stack the delegate overloads of TestAsync run their program in (filtered from their results).</summary>
internal sealed class TestStack : Stack
{
    public TestStack(Func<Task<IDictionary<string, object?>>> init) : base(init, null)
    {
    }
}
