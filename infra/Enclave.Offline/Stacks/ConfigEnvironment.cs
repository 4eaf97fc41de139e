using static Enclave.Configuration.PulumiConfigSource;

namespace Enclave.Offline.Stacks;

/// <summary>
/// Sets <c>PULUMI_CONFIG</c> and <c>PULUMI_CONFIG_SECRET_KEYS</c> for one in-process run and restores them after.
/// The Pulumi SDK reads config from these process-wide variables when a deployment starts, so runs in one process
/// must not overlap: <see cref="EnterAsync"/> holds a process-wide lock until the returned scope is disposed, and
/// callers keep the scope open for the whole run (test assemblies that run programs disable parallelization too).
/// The variables are the ones the program reads them from (<see cref="Enclave.Configuration.PulumiConfigSource"/>).
/// </summary>
public static class ConfigEnvironment
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Waits for any other run to finish, then sets the variables from <paramref name="config"/>.</summary>
    public static async Task<IDisposable> EnterAsync(StackConfig config, CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new Scope(config);
        }
        catch
        {
            Gate.Release();
            throw;
        }
    }

    private sealed class Scope : IDisposable
    {
        private readonly string? _config = Environment.GetEnvironmentVariable(ConfigVariable);
        private readonly string? _secretKeys = Environment.GetEnvironmentVariable(SecretKeysVariable);
        private bool _disposed;

        public Scope(StackConfig config)
        {
            Environment.SetEnvironmentVariable(ConfigVariable, config.ToConfigJson());
            Environment.SetEnvironmentVariable(SecretKeysVariable, config.ToSecretKeysJson());
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Environment.SetEnvironmentVariable(ConfigVariable, _config);
            Environment.SetEnvironmentVariable(SecretKeysVariable, _secretKeys);
            Gate.Release();
        }
    }
}
