using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>
/// A subnet as packets see it: its VCN(s), whether VNICs may have public IPs, the route table in force and the
/// security lists that filter it. For a subnet outside the stack or not known until deploy every part is a wildcard.
/// </summary>
public sealed record SubnetInfo(
    ResourceNode? Node,
    string Label,
    IReadOnlyList<Ref> Vcns,
    Truth PublicIps,
    IReadOnlyList<RouteTableInfo> RouteTables,
    IReadOnlyList<RuleSet> SecurityLists)
{
    public static SubnetInfo Wildcard(string label) =>
        new(null, label, [Ref.Unknown], Truth.Unknown, [RouteTableInfo.Wildcard(label)],
            [RuleSet.Wildcard($"security lists of subnet {label}", "not known until deploy")]);

    public string Hop(bool forPublicEntry) => !forPublicEntry ? $"subnet {Label}" : PublicIps switch
    {
        Truth.True => $"subnet {Label} (public IPs allowed)",
        Truth.Unknown => $"subnet {Label} (public IPs: known after apply)",
        _ => $"subnet {Label} (private)",
    };
}
