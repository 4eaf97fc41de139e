namespace Enclave;

/// <summary>
/// The only clock the program reads (today's date decides when the archive's retention rule locks). Tests and the
/// offline runner pin it with <see cref="Pin"/> so a plan is reproducible; AsyncLocal keeps concurrent runs apart.
/// </summary>
public static class EnclaveClock
{
    private static readonly AsyncLocal<DateTimeOffset?> Pinned = new();

    public static DateTimeOffset Now => Pinned.Value ?? DateTimeOffset.UtcNow;

    /// <summary>Makes <see cref="Now"/> return <paramref name="now"/> in the current async flow until disposed.</summary>
    public static IDisposable Pin(DateTimeOffset now)
    {
        var previous = Pinned.Value;
        Pinned.Value = now;
        return new Restore(previous);
    }

    private sealed class Restore(DateTimeOffset? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Pinned.Value = previous;
        }
    }
}
