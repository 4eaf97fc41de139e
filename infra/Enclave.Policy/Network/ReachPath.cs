using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>
/// One way packets from outside reach a target, independent of who sends them: the door, the range of sources
/// that can use it (null when not known until deploy), whether it is open (True) or undetermined (Unknown),
/// and the hops after the origin.
/// </summary>
public sealed record Exposure(EntryKind Entry, Cidr? Source, Truth Truth, ImmutableArray<string> Hops);

/// <summary>An open or undetermined path from an origin to a target, hop by hop.</summary>
public sealed record ReachPath(Origin Origin, ReachTarget Target, Truth Truth, Cidr? Source, ImmutableArray<string> Hops)
{
    public bool IsOpen => Truth == Truth.True;

    public bool IsUndetermined => Truth == Truth.Unknown;

    /// <summary>e.g. <c>internet 0.0.0.0/0 → InternetGateway igw (enabled) → … → AutonomousDatabase adb :1522</c>.</summary>
    public override string ToString() => string.Join(" → ", Hops);
}
