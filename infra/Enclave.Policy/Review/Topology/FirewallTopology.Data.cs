using System.Globalization;
using Enclave.Policy.Graph;
using Enclave.Policy.Reports;

namespace Enclave.Policy.Review.Topology;

// The data half of the picture: databases, buckets, vaults, keys, secrets and logs, and who may reach them.
public static partial class FirewallTopology
{
    private sealed partial class Builder
    {
        public void DataStores()
        {
            foreach (var db in graph.OfType(OciTypes.AutonomousDatabase))
            {
                Node(db, NodeKind.Database, $"database {db.Name}{Region(db)}", Compartment(db));
                if (ById(db.Input("subnetId")) is { } subnet && NodeOf(subnet) is { } s) Edge(s, Key(db), EdgeKind.Endpoint, "private endpoint");
                foreach (var id in db.Input("nsgIds").AsList())
                    if (ById(id) is { } nsg && NodeOf(nsg) is { } n) Edge(n, Key(db), EdgeKind.Endpoint, "guards");
            }
            foreach (var bucket in graph.OfType(OciTypes.Bucket))
                Node(bucket, NodeKind.Bucket, $"bucket {bucket.Input("name").AsString() ?? bucket.Name}{Region(bucket)}", Compartment(bucket));
            foreach (var vault in graph.OfType(OciTypes.Vault))
                Node(vault, NodeKind.Vault, $"vault {vault.Name}{Region(vault)}", Compartment(vault));
            foreach (var secret in graph.OfType("oci:Vault/secret:Secret"))
                Node(secret, NodeKind.Secret, $"secret {secret.Input("secretName").AsString() ?? secret.Name}", Compartment(secret));
            Collapse(graph.OfType(OciTypes.Key), NodeKind.Keys, "key", "keys");
            Collapse(graph.OfType(OciTypes.LogGroup).Concat(graph.OfType(OciTypes.Log)), NodeKind.Logs, "log", "logs and log groups");
        }

        /// <summary>One node per compartment and region for resources that come many at a time (keys, logs).</summary>
        private void Collapse(IEnumerable<ResourceNode> resources, NodeKind kind, string one, string many)
        {
            foreach (var set in resources.GroupBy(r => (Group: Compartment(r) ?? "", Region: r.Region ?? "")).OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal))
            {
                var members = set.OrderBy(r => r.Urn, StringComparer.Ordinal).ToList();
                var region = set.Key.Region.Length == 0 ? "" : $" · {set.Key.Region}";
                var label = members.Count == 1 ? $"{one} {members[0].Name}{region}" : $"{members.Count.ToString(CultureInfo.InvariantCulture)} {many}{region}";
                Node($"{kind.ToString().ToLowerInvariant()}:{set.Key.Group}:{set.Key.Region}", kind, label,
                    set.Key.Group.Length == 0 ? null : set.Key.Group, [.. members.Select(m => m.Urn)]);
            }
        }

        /// <summary>
        /// Principal → compartment for each principal allowed into data stores of that compartment (into the store
        /// itself when it has no compartment in the plan): what it may manage and what only read, by kind
        /// (<c>manage 4 keys, 1 vault; read 2 databases</c>), through how many statements, and whether any grant breaks
        /// the allow-list (red), or holds only under conditions or is undecidable (dotted).
        /// </summary>
        private const string Principals = "~principals";

        public void Access(DataAccessReport report)
        {
            // Into the store means read or manage: grants that only inspect (list) are rows of `enclave access`, not edges.
            foreach (var pair in report.Rows.Where(r => r.Effect == "allow" && r.Access != "inspect" && _nodeOf.ContainsKey(r.Urn))
                         .GroupBy(r => (Principal: r.Principal, Target: _nodes[_nodeOf[r.Urn]].Group ?? _nodeOf[r.Urn]))
                         .OrderBy(g => g.Key.Principal, StringComparer.Ordinal).ThenBy(g => g.Key.Target, StringComparer.Ordinal))
            {
                var principal = $"principal:{pair.Key.Principal}";
                _groups.TryAdd(Principals, new TopologyGroup(Principals, "principals (IAM)", null));
                if (!_nodes.ContainsKey(principal)) Node(principal, NodeKind.Principal, pair.Key.Principal, Principals);
                // Each resource once, at the strongest access any statement gives.
                var strongest = pair.GroupBy(r => r.Urn, StringComparer.Ordinal)
                    .Select(g => (Kind: _nodes[_nodeOf[g.Key]].Kind, Manage: g.Any(r => r.Access == "manage"))).ToList();
                var parts = new List<string>();
                foreach (var manage in new[] { true, false })
                {
                    var kinds = strongest.Where(x => x.Manage == manage).GroupBy(x => x.Kind).OrderBy(g => g.Key)
                        .Select(g => Count(g.Count(), g.Key)).ToList();
                    if (kinds.Count > 0) parts.Add($"{(manage ? "manage" : "read")} {string.Join(", ", kinds)}");
                }
                var statements = pair.Select(r => r.Statement).Distinct(StringComparer.Ordinal).Count();
                var label = $"{string.Join("; ", parts)} · {Count(statements, "statement")}";
                var kind = pair.Any(r => r.Verdict == "violation") ? EdgeKind.AccessViolation
                    : pair.Any(r => r.Verdict == "undetermined" || r.Certainty != "yes") ? EdgeKind.AccessConditional
                    : EdgeKind.Access;
                Edge(principal, pair.Key.Target, kind, label);
            }
        }

        private static string Count(int n, NodeKind kind) => Count(n, kind switch
        {
            NodeKind.Database => "database",
            NodeKind.Bucket => "bucket",
            NodeKind.Vault => "vault",
            NodeKind.Keys => "key",
            NodeKind.Secret => "secret",
            NodeKind.Logs => "log",
            _ => "resource",
        });

        private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
    }
}
