using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>How a packet from outside gets into a VCN (or straight to a public endpoint).</summary>
public enum EntryKind
{
    InternetGateway,
    /// <summary>A dynamic routing gateway: on-prem (IPSec, FastConnect) or remote peering.</summary>
    Drg,
    LocalPeering,
    /// <summary>A database without a private endpoint: reachable on its public address, filtered by its ACL.</summary>
    PublicEndpoint,
    /// <summary>A gateway of a VCN the graph cannot resolve: could be any of the above.</summary>
    Unknown,
}

/// <summary>A range of sources that can arrive through an entry, and the hop that brings them (e.g. an IPSec static route).</summary>
public sealed record EntrySource(Cidr? Range, string? Hop, Truth Known);

/// <summary>
/// A door into a VCN. <see cref="Gateway"/> is what the subnet's route table must point back at for the return
/// path; <see cref="NeedsPublicIp"/> holds for the internet gateway (the target subnet must allow public IPs).
/// </summary>
public sealed record EntryPoint(
    EntryKind Kind,
    Ref Gateway,
    string Hop,
    Truth Condition,
    IReadOnlyList<EntrySource> Sources,
    bool NeedsPublicIp);
