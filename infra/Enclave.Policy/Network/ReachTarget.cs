using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

public enum TargetKind
{
    /// <summary>A database's private endpoint in a subnet, filtered by the subnet's security lists and its NSGs.</summary>
    DatabaseEndpoint,
    /// <summary>An Autonomous Database without a private endpoint: its public endpoint, filtered by its ACL.</summary>
    DatabasePublicEndpoint,
    /// <summary>Any VNIC of a data subnet (one hosting a database, or named data), filtered by its security lists.</summary>
    DataSubnet,
}

/// <summary>Something holding the enclave's data that no outside packet may reach.</summary>
public sealed record ReachTarget(
    ResourceNode Node,
    TargetKind Kind,
    int? ListenerPort,
    IReadOnlyList<(SubnetInfo Subnet, Truth Certainty)> Subnets,
    IReadOnlyList<RuleSet> Nsgs)
{
    public string Urn => Node.Urn;

    public string Label => Kind == TargetKind.DataSubnet
        ? $"data subnet {Node.Name}"
        : $"{OciTypes.ShortName(Node.Type)} {Node.Name}";

    /// <summary>The last hop: the target and what the rule lets through to it.</summary>
    public string Hop(Traffic traffic) => Kind switch
    {
        TargetKind.DataSubnet => $"any VNIC in subnet {Node.Name} {traffic}",
        _ when ListenerPort is int port && traffic.AdmitsTcp(port) => $"{Label} :{port}",
        _ => $"{Label} {traffic}",
    };
}

/// <summary>Finds the data targets of a graph: databases (ADB, DB systems, MySQL) and data subnets.</summary>
public static class DataTargets
{
    private static readonly (string Token, int Port)[] Databases =
    [
        (OciTypes.AutonomousDatabase, 1522),
        (OciTypes.DbSystem, 1521),
        (OciTypes.MysqlDbSystem, 3306),
    ];

    private static readonly HashSet<string> DataWords = new(StringComparer.OrdinalIgnoreCase) { "data", "db", "database" };

    public static IReadOnlyList<ReachTarget> Find(NetworkModel model)
    {
        var targets = new List<ReachTarget>();
        var hosting = new HashSet<ResourceNode>(ReferenceEqualityComparer.Instance);
        var refs = model.References;
        foreach (var (token, port) in Databases)
            foreach (var db in model.Graph.OfType(token))
            {
                var subnetId = db["subnetId"];
                if (subnetId.IsNull)
                {
                    if (!db.IsType(OciTypes.AutonomousDatabase)) continue;
                    // A dedicated ADB lives on its Exadata infrastructure's network, which this graph does not show.
                    if (db["isDedicated"].AsBool() == true || !db["autonomousContainerDatabaseId"].IsNull)
                        targets.Add(new ReachTarget(db, TargetKind.DatabaseEndpoint, port,
                            [(SubnetInfo.Wildcard("of its dedicated infrastructure (not in this graph)"), Truth.Unknown)], []));
                    else
                        targets.Add(new ReachTarget(db, TargetKind.DatabasePublicEndpoint, port, [], []));
                    continue;
                }
                var subnets = refs.One(db, "subnetId", subnetId, NetworkModel.Is(OciTypes.Subnet));
                foreach (var s in subnets) if (s.Node is { } n) hosting.Add(n);
                var nsgs = refs.Many(db, "nsgIds", NetworkModel.Is(OciTypes.NetworkSecurityGroup)).Select(model.Nsg).ToArray();
                targets.Add(new ReachTarget(db, TargetKind.DatabaseEndpoint, port,
                    subnets.Select(s => (model.Subnet(s), s.Certainty)).ToArray(), nsgs));
            }
        foreach (var subnet in model.Graph.OfType(OciTypes.Subnet))
            if (hosting.Contains(subnet) || IsNamedData(subnet))
                targets.Add(new ReachTarget(subnet, TargetKind.DataSubnet, null, [(model.Subnet(subnet), Truth.True)], []));
        targets.Sort((a, b) => string.CompareOrdinal(a.Urn, b.Urn));
        return targets;
    }

    /// <summary>A subnet whose logical or display name has the word data, db or database (not "metadata").</summary>
    public static bool IsNamedData(ResourceNode subnet) =>
        HasDataWord(subnet.Name) || (subnet["displayName"].AsString() is { } display && HasDataWord(display));

    private static bool HasDataWord(string name)
    {
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var letter = i < name.Length && char.IsLetter(name[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                if (DataWords.Contains(name[start..i])) return true;
                start = -1;
            }
        }
        return false;
    }
}
