using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>
/// Answers "can a packet from the internet, a parent-company network or an on-prem range reach the enclave's
/// data?" over a resource graph, with OCI semantics taken conservatively:
/// <list type="bullet">
/// <item>doors: an enabled internet gateway of the target's VCN (only for subnets that allow public IPs), a DRG
/// attached to the VCN (sources: IPSec static routes, or any range for BGP, FastConnect and remote peering), a
/// peered local peering gateway (sources: the peer VCN's blocks), or a database's public endpoint (its ACL).
/// NAT gateways give no inbound path; service gateways carry Oracle services only.</item>
/// <item>return path: the subnet's route table (or the VCN default) must route the source range back to that door;
/// overlap is enough (a more specific route elsewhere is not assumed to win).</item>
/// <item>filter: a packet gets in when any ingress rule of the subnet's security lists (the VCN default list when
/// the subnet names none; Oracle's defaults when nothing manages it) or of the target's NSGs admits it. NSG-sourced
/// and service-sourced rules never admit outside packets; stateless flags and source ports do not matter for the
/// first packet.</item>
/// <item>a value not known until deploy anywhere on a path makes that path undetermined, never open or closed.</item>
/// </list>
/// </summary>
public static class ReachabilityAnalyzer
{
    public static ReachabilityReport Analyze(ResourceGraph graph, PolicyContext policy)
    {
        var problems = new List<string>();
        var origins = new List<Origin> { Origin.Internet };
        origins.AddRange(ParseAll(policy.Parent.Cidrs, "parentExclusions.cidrs", problems).Select(Origin.ParentCompany));
        var onPrem = ParseAll(policy.OnPremCidrs, "network.onPremCidrs", problems);
        origins.AddRange(onPrem.Select(Origin.OnPrem));
        origins.Add(Origin.PrivateConnection);
        var approved = ParseAll(policy.GatekeeperCidrs, "gatekeeperCidrs", problems).Concat(onPrem).ToImmutableArray();

        var model = new NetworkModel(graph);
        var targets = DataTargets.Find(model);
        var paths = new List<ReachPath>();
        foreach (var target in targets)
        {
            var exposures = Exposures(model, target);
            if (exposures.Count == 0) continue;
            foreach (var origin in origins)
                foreach (var exposure in exposures)
                    if (origin.Uses(exposure.Entry))
                        AddPaths(origin, target, exposure, paths);
        }
        return new ReachabilityReport(targets.ToImmutableArray(), origins.ToImmutableArray(), paths, approved,
            problems.ToImmutableArray());
    }

    /// <summary>Every way outside packets may reach <paramref name="target"/>, whoever sends them.</summary>
    public static IReadOnlyList<Exposure> Exposures(NetworkModel model, ReachTarget target)
    {
        var result = new List<Exposure>();
        if (target.Kind == TargetKind.DatabasePublicEndpoint)
        {
            PublicEndpoint(target, result);
            return result;
        }
        var admitting = new List<(RuleSet Set, IngressRule Rule)>();
        foreach (var (subnet, subnetCertainty) in target.Subnets)
        {
            // Without a door into its VCN no outside packet arrives: its rules and routes need not even be read.
            if (!HasDoor(model, subnet)) continue;
            admitting.Clear();
            Admitting(subnet.SecurityLists, admitting);
            Admitting(target.Nsgs, admitting);
            if (admitting.Count == 0) continue; // nothing lets an outside packet in: closed whatever the doors
            foreach (var vcn in subnet.Vcns)
                foreach (var entry in model.Entries(vcn))
                {
                    var condition = entry.Condition.And(subnetCertainty).And(vcn.Certainty);
                    if (entry.NeedsPublicIp) condition = condition.And(subnet.PublicIps);
                    if (condition == Truth.False) continue;
                    foreach (var table in subnet.RouteTables)
                        foreach (var route in table.Rules)
                        {
                            var routed = route.Targets(entry.Gateway);
                            if (routed == Truth.False) continue;
                            var viaRoute = condition.And(table.Applies).And(routed).And(route.Known);
                            foreach (var source in entry.Sources)
                            {
                                if (!Meet(source.Range, route.Destination, out var routedSource)) continue;
                                var viaSource = viaRoute.And(source.Known);
                                foreach (var (set, rule) in admitting)
                                {
                                    if (!Meet(routedSource, rule.Source, out var admitted)) continue;
                                    var truth = viaSource.And(set.Applies).And(rule.Known);
                                    if (truth == Truth.False) continue;
                                    var hops = ImmutableArray.CreateBuilder<string>(6);
                                    if (source.Hop is not null) hops.Add(source.Hop);
                                    hops.Add(entry.Hop);
                                    hops.Add(route.Hop);
                                    hops.Add(subnet.Hop(entry.NeedsPublicIp));
                                    hops.Add(rule.Hop);
                                    hops.Add(target.Hop(rule.Traffic));
                                    result.Add(new Exposure(entry.Kind, admitted, truth, hops.ToImmutable()));
                                }
                            }
                        }
                }
        }
        return result;
    }

    private static bool HasDoor(NetworkModel model, SubnetInfo subnet)
    {
        foreach (var vcn in subnet.Vcns)
            if (model.Entries(vcn).Count > 0) return true;
        return false;
    }

    /// <summary>The ingress rules of <paramref name="sets"/> that may let an outside packet in.</summary>
    private static void Admitting(IReadOnlyList<RuleSet> sets, List<(RuleSet Set, IngressRule Rule)> admitting)
    {
        foreach (var set in sets)
            foreach (var rule in set.Ingress)
                if (rule.AdmitsOutside && set.Applies != Truth.False && rule.Known != Truth.False)
                    admitting.Add((set, rule));
    }

    /// <summary>An ADB without <c>subnetId</c> listens on a public address; only its ACL (whitelistedIps) filters.</summary>
    private static void PublicEndpoint(ReachTarget target, List<Exposure> result)
    {
        var door = $"{target.Label} public endpoint (no private endpoint subnetId)";
        var acl = target.Node.Input("whitelistedIps"); // what the program set; an unset ACL is not computed later
        var listener = target.Hop(new Traffic(Traffic.Tcp, target.ListenerPort ?? 1522, target.ListenerPort ?? 1522, null, null));
        void Add(Cidr? source, string hop, Truth truth) =>
            result.Add(new Exposure(EntryKind.PublicEndpoint, source, truth, [door, hop, listener]));

        if (!acl.IsKnown) { Add(null, "ACL whitelistedIps known after apply", Truth.Unknown); return; }
        var entries = acl.AsList();
        if (entries.IsEmpty)
        {
            foreach (var any in Cidr.Anywhere) Add(any, "no ACL (whitelistedIps empty): any source", Truth.True);
            return;
        }
        foreach (var entry in entries)
        {
            if (!entry.IsKnown) { Add(null, "ACL entry known after apply", Truth.Unknown); continue; }
            var text = entry.AsString() ?? "";
            // VCN OCIDs and "vcnOcid;ip" entries admit only traffic from that VCN through a service gateway.
            if (text.StartsWith("ocid1.", StringComparison.OrdinalIgnoreCase) || text.Contains(';')) continue;
            if (Cidr.TryParse(text, out var cidr)) Add(cidr, $"ACL whitelistedIps allows {text}", Truth.True);
            else Add(null, $"ACL entry '{text}' unreadable", Truth.Unknown);
        }
    }

    private static void AddPaths(Origin origin, ReachTarget target, Exposure exposure, List<ReachPath> paths)
    {
        if (exposure.Source is not Cidr source)
        {
            var ranges = string.Join(", ", origin.Ranges);
            paths.Add(new ReachPath(origin, target, exposure.Truth.And(Truth.Unknown), null,
                [$"{origin.Label} {ranges} (source range known after apply)", .. exposure.Hops]));
            return;
        }
        foreach (var range in origin.Ranges)
            if (range.Intersect(source) is Cidr from)
                paths.Add(new ReachPath(origin, target, exposure.Truth, from, [$"{origin.Label} {from}", .. exposure.Hops]));
    }

    /// <summary>Intersects two ranges where null means "not known" (the other side bounds it). False when disjoint.</summary>
    private static bool Meet(Cidr? a, Cidr? b, out Cidr? result)
    {
        if (a is not Cidr x) { result = b; return true; }
        if (b is not Cidr y) { result = a; return true; }
        result = x.Intersect(y);
        return result is not null;
    }

    private static List<Cidr> ParseAll(IEnumerable<string> texts, string key, List<string> problems)
    {
        var list = new List<Cidr>();
        foreach (var text in texts)
            if (Cidr.TryParse(text, out var c)) list.Add(c);
            else problems.Add($"{key}: '{text}' is not a CIDR block (expected e.g. 203.0.113.0/24)");
        return list;
    }
}
