using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>
/// ENC-NET-115: each resource that takes a place in the network sits in the subnet the program's design gives it: the
/// database's private endpoint in the data subnet, the Bastion's sessions and Data Safe's private endpoint in the admin
/// subnet. A subnet is known by the role whose range (stack config) it holds. An allow-list of placements: a Bastion
/// retargeted to the data subnet opens sessions straight onto the database's hosts, a Data Safe endpoint moved to the
/// app subnet reaches the database from where the app's workloads run, and each is still "a subnet of this stack".
/// Judged on the whole stack: the verdict reads the referenced subnet's range.
/// </summary>
public sealed class PlacementsAsDesigned : SinkRuleBase
{
    private enum Role { Data, App, Admin }

    /// <summary>Where each placement-bearing input must point, per the program's design.</summary>
    private static readonly (string Type, string Key, Role Role)[] Placements =
    [
        (OciTypes.AutonomousDatabase, "subnetId", Role.Data),
        (OciTypes.Bastion, "targetSubnetId", Role.Admin),
        (OciTypes.DataSafePrivateEndpoint, "subnetId", Role.Admin),
    ];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-115", "Databases, Bastions and Data Safe endpoints sit in the subnet the design gives them", Severity.Critical, Enforcement.Mandatory,
        "A Bastion retargeted to the data subnet, a Data Safe endpoint moved next to the app's workloads or a database moved out of the data subnet is still in a subnet of this stack, but opens a door the design keeps shut.",
        "Point the database's subnetId at the data subnet, and the Bastion's targetSubnetId and the Data Safe private endpoint's subnetId at the admin subnet (network.*SubnetCidr in the stack config).");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var plan = context.Policy.Subnets;
        var subnets = g.OfType(OciTypes.Subnet).ToList();
        NodeSet? data = null, app = null, admin = null;
        var judged = false;
        foreach (var (type, key, role) in Placements)
            foreach (var node in g.OfType(type))
            {
                judged = true;
                var a = new Assessment();
                var value = node.Inputs.TryGetValue(key, out var v) ? v : node.InputsUnknown ? PropertyValue.Unknown : PropertyValue.Null;
                var cidr = plan is null ? null : role switch { Role.Data => plan.Data, Role.App => plan.App, _ => plan.Admin };
                // Stryker disable once String,Conditional,Equality : finding wording, not a control (docs/testing.md)
                var requirement = $"{key} is the {role.ToString().ToLowerInvariant()} subnet{(cidr is null ? "" : $" ({cidr})")}";
                // Stryker disable once String : finding wording, not a control (docs/testing.md)
                if (cidr is null) a.Require(Truth.Unknown, $"{requirement}: the stack config declares the subnet ranges");
                else if (!Scope.IsSet(value)) a.Require(Scope.Present(value), requirement);
                else
                {
                    var allowed = role switch
                    {
                        Role.Data => data ??= Holding(subnets, cidr),
                        Role.App => app ??= Holding(subnets, cidr),
                        _ => admin ??= Holding(subnets, cidr),
                    };
                    var outcome = References.IdentifiesAny(g, node, key, value, allowed);
                    // Stryker disable once Equality,Conditional : finding wording, not a control (docs/testing.md)
                    var actual = outcome == Truth.False ? References.Resolve(g, node, key, value, subnets).FirstOrDefault() : null;
                    // Stryker disable once String,Equality,Conditional : finding wording, not a control (docs/testing.md)
                    a.Require(outcome, requirement, whenViolated: outcome == Truth.False
                        ? $"{key} is {(actual is null ? "not a subnet of this stack" : $"subnet {actual.Name} ({actual.Input("cidrBlock")})")}, not the {role.ToString().ToLowerInvariant()} subnet ({cidr}) the design places it in"
                        : null);
                }
                sink.Judge(node.Urn, node.Label, a);
            }
        if (!judged) sink.Pass(Scope.StackUrn(g), "no database, Bastion or Data Safe endpoint to place");
    }

    /// <summary>The stack's subnets holding <paramref name="cidr"/> (the role's subnet in every region).</summary>
    private static NodeSet Holding(List<ResourceNode> subnets, string cidr) =>
        References.Set(subnets.Where(s => string.Equals(s.Input("cidrBlock").AsString(), cidr, StringComparison.OrdinalIgnoreCase)));
}
