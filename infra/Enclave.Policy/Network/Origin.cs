namespace Enclave.Policy.Network;

public enum OriginKind
{
    /// <summary>Anyone on the internet.</summary>
    Internet,
    /// <summary>One of the excluded parent company's networks (<see cref="ParentExclusions.Cidrs"/>).</summary>
    ParentCompany,
    /// <summary>One of the configured on-prem ranges (<see cref="PolicyContext.OnPremCidrs"/>).</summary>
    OnPrem,
    /// <summary>Any range arriving over a private connection (DRG: IPSec, FastConnect, remote peering; local peering).</summary>
    PrivateConnection,
}

/// <summary>Where a packet comes from, and the doors such a packet can use.</summary>
public sealed record Origin(OriginKind Kind, string Label, IReadOnlyList<Cidr> Ranges)
{
    public static readonly Origin Internet = new(OriginKind.Internet, "internet", Cidr.Anywhere);
    public static readonly Origin PrivateConnection = new(OriginKind.PrivateConnection, "private connection", Cidr.Anywhere);

    public static Origin ParentCompany(Cidr range) => new(OriginKind.ParentCompany, "parent-company network", [range]);
    public static Origin OnPrem(Cidr range) => new(OriginKind.OnPrem, "on-prem", [range]);

    /// <summary>
    /// The internet comes in through internet gateways and public endpoints; on-prem and private ranges through
    /// DRGs and peerings; a parent-company range may be public or private, so through any door.
    /// </summary>
    public bool Uses(EntryKind entry) => entry == EntryKind.Unknown || Kind switch
    {
        OriginKind.Internet => entry is EntryKind.InternetGateway or EntryKind.PublicEndpoint,
        OriginKind.ParentCompany => true,
        _ => entry is EntryKind.Drg or EntryKind.LocalPeering,
    };
}
