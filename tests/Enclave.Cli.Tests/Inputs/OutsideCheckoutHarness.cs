using Enclave.Cli.Tests.Check;

namespace Enclave.Cli.Tests.Inputs;

/// <summary>
/// A checkout to run the CLI in and a folder outside it, where a committed or swapped-in link may try to lead the
/// report (the output tests' shared set-up).
/// </summary>
public abstract class OutsideCheckoutHarness : IDisposable
{
    protected readonly CheckHarness _h = new();
    protected readonly string _outside = Directory.CreateTempSubdirectory("enclave-outside-").FullName;

    public void Dispose()
    {
        _h.Dispose();
        Directory.Delete(_outside, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string InRepo(string name) => Path.Combine(_h.Repo, name);
}
