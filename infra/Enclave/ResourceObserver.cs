using Pulumi;

namespace Enclave;

/// <summary>
/// Lets a caller (unit tests, the offline runner) see every resource the stack declares, with its args and options,
/// without changing anything. The stack installs <see cref="Transformation"/> as a stack-wide transformation; a caller
/// installs a callback for the duration of a run with <see cref="Observe"/>. AsyncLocal keeps concurrent runs apart.
/// </summary>
public static class ResourceObserver
{
    private static readonly AsyncLocal<Action<ResourceTransformationArgs>?> Current = new();

    /// <summary>Installs <paramref name="callback"/> for the current async flow until the result is disposed.</summary>
    public static IDisposable Observe(Action<ResourceTransformationArgs> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var previous = Current.Value;
        Current.Value = callback;
        return new Restore(previous);
    }

    /// <summary>Stack transformation: reports the resource to the current observer, if any, and changes nothing.</summary>
    public static ResourceTransformationResult? Transformation(ResourceTransformationArgs args)
    {
        Current.Value?.Invoke(args);
        return null;
    }

    private sealed class Restore(Action<ResourceTransformationArgs>? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Current.Value = previous;
        }
    }
}
