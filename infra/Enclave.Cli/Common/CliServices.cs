namespace Enclave.Cli.Common;

/// <summary>What commands depend on from outside: the stacks and the date (tests substitute both).</summary>
public sealed record CliServices(IStackSource Stacks, Func<DateOnly> Today)
{
    public static CliServices Default { get; } = new(new OfflineStackSource(), () => DateOnly.FromDateTime(DateTime.UtcNow));
}
