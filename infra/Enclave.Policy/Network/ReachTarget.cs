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

    /// <summary>How findings and hops name the target (formatted once: three rules name every target).</summary>
    public string Label { get; } = Kind == TargetKind.DataSubnet
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
    // Words are looked up as spans of the name, not cut out of it.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DataWordSpans =
        DataWords.GetAlternateLookup<ReadOnlySpan<char>>();

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
                var subnets = refs.One(db, "subnetId", subnetId, NetworkModel.IsSubnet);
                var placed = new (SubnetInfo, Truth)[subnets.Length];
                for (var i = 0; i < subnets.Length; i++)
                {
                    if (subnets[i].Node is { } n) hosting.Add(n);
                    placed[i] = (model.Subnet(subnets[i]), subnets[i].Certainty);
                }
                targets.Add(new ReachTarget(db, TargetKind.DatabaseEndpoint, port, placed, new Deferred<RuleSet>(() => Nsgs(model, db))));
            }
        foreach (var subnet in model.Graph.OfType(OciTypes.Subnet))
            if (hosting.Contains(subnet) || IsNamedData(subnet))
                targets.Add(new ReachTarget(subnet, TargetKind.DataSubnet, null, [(model.Subnet(subnet), Truth.True)], []));
        targets.Sort((a, b) => string.CompareOrdinal(a.Urn, b.Urn));
        return targets;
    }

    private static RuleSet[] Nsgs(NetworkModel model, ResourceNode db)
    {
        var refs = model.References.Many(db, "nsgIds", NetworkModel.IsNsg);
        var nsgs = new RuleSet[refs.Count];
        for (var i = 0; i < nsgs.Length; i++) nsgs[i] = model.Nsg(refs[i]);
        return nsgs;
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
                if (DataWordSpans.Contains(name.AsSpan(start, i - start))) return true;
                start = -1;
            }
        }
        return false;
    }
}
