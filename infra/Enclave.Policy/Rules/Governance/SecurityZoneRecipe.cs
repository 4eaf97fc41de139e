using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// R15: a security zone covers the enclave's top compartment with a recipe of this stack holding the required
/// policies. Recipes list policy OCIDs; when the entries are names they are checked one by one, when they are OCIDs
/// each OCID the stack declares (config <c>oracleIds.securityZonePolicies</c>, which the program uses) must be among
/// them, and a stack that declares none leaves the recipe undetermined (its OCIDs could be any policies).
/// </summary>
public sealed class SecurityZoneRecipe : SinkRuleBase
{
    /// <summary>Security Zone policies the enclave's recipe must hold (friendly names without the "deny " prefix).</summary>
    public static readonly string[] RequiredPolicies =
    [
        "public_buckets", "public_subnets", "internet_gateway", "db_instance_public_access", "public_load_balancer",
        "buckets_without_vault_key", "block_volume_without_vault_key", "boot_volume_without_vault_key",
        "file_system_without_vault_key", "database_without_backup", "free_database_creation",
        // Nothing moves out of (or unvetted into) the zone, associations and copies stay inside it: the program's whole
        // recipe, so a recipe that drops one (by OCID only its number is seen) holds fewer than these.
        "block_volume_in_security_zone_move_to_compartment_not_in_security_zone",
        "boot_volume_in_security_zone_move_to_compartment_not_in_security_zone",
        "instance_in_security_zone_move_to_compartment_not_in_security_zone",
        "instance_not_in_security_zone_move_to_compartment_in_security_zone",
        "subnet_in_security_zone_move_to_compartment_not_in_security_zone",
        "bucket_in_security_zone_move_to_compartment_not_in_security_zone",
        "db_instance_move_to_compartment_not_in_security_zone",
        "attached_boot_volume_not_in_security_zone_move_to_compartment_in_security_zone",
        "db_instance_subnet_not_in_security_zone", "db_resource_association_not_in_security_zone",
        "database_not_in_security_zone_create_from_backup_in_security_zone",
        "database_in_security_zone_create_clone_not_in_security_zone",
    ];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-003", "A security zone with the enclave recipe covers the enclave", Severity.Medium, Enforcement.Mandatory,
        "A security zone makes OCI refuse (not merely report) public buckets, public subnets, internet gateways and unencrypted storage in the enclave, whoever asks.",
        "Declare CloudGuard.SecurityRecipe with the required policies (their OCIDs in `oracleIds.securityZonePolicies`) and a CloudGuard.SecurityZone on the enclave's top compartment using it.",
        Cis: "Security Zones (5.1.1, 5.1.2, 5.2.x, 5.3.1)");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var zones = g.OfType(OciTypes.SecurityZone).ToList();
        if (zones.Count == 0)
        {
            sink.Fail(Scope.StackUrn(g), "no security zone declared");
            return;
        }
        var compartments = NodeSets.Of(g, OciTypes.Compartment);
        var top = References.Set(compartments.Where(c => References.IdentifiesAny(g, c, "compartmentId", c.Input("compartmentId"), compartments) == Truth.False));
        var recipes = NodeSets.Of(g, OciTypes.SecurityRecipe);
        foreach (var zone in zones)
        {
            var a = new Assessment()
                .Require(References.IdentifiesAny(g, zone, "compartmentId", zone.Input("compartmentId"), top), "covers the enclave's top compartment");
            var recipeId = zone.Input("securityZoneRecipeId");
            var recipe = References.Resolve(g, zone, "securityZoneRecipeId", recipeId, recipes).FirstOrDefault();
            if (recipe is null)
                a.Require(References.IdentifiesAny(g, zone, "securityZoneRecipeId", recipeId, recipes).And(Truth.Unknown),
                    "uses a recipe of this stack");
            else
                AssessRecipe(recipe, a, context.Policy.SecurityZonePolicyIds);
            sink.Judge(zone.Urn, zone.Label, a);
        }
    }

    private static void AssessRecipe(ResourceNode recipe, Assessment a, ImmutableArray<string> declared)
    {
        var policies = recipe.Input("securityPolicies");
        if (!policies.IsKnown || policies.AsList().Any(p => !p.IsKnown))
        {
            a.Require(Truth.Unknown, "recipe holds the required policies");
            return;
        }
        var entries = policies.AsList().Select(p => p.AsString() ?? "").ToList();
        if (entries.All(e => e.StartsWith("ocid1.", StringComparison.Ordinal)))
        {
            // An OCID says nothing of which policy it is: a weaker one swapped in looks the same. Only the OCIDs the
            // stack declares (oracleIds.securityZonePolicies, which the program uses) tell the recipe's policies apart.
            if (declared.IsEmpty)
            {
                a.Require(Truth.Unknown, "recipe holds the policies the stack declares (oracleIds.securityZonePolicies; none declared, so its OCIDs cannot be told apart)");
                return;
            }
            var held = entries.ToHashSet(StringComparer.Ordinal);
            var missing = declared.Where(id => !held.Contains(id)).ToList();
            a.Require(TruthLogic.Of(missing.Count == 0), $"recipe holds every policy the stack declares ({declared.Length})",
                whenViolated: $"recipe lacks {missing.Count} of the {declared.Length} policies the stack declares (oracleIds.securityZonePolicies), e.g. {missing.FirstOrDefault()}: another policy in its place denies something else");
            return;
        }
        foreach (var required in RequiredPolicies)
            a.Require(TruthLogic.Of(entries.Any(e => e.Contains(required, StringComparison.OrdinalIgnoreCase))), $"recipe holds deny {required}");
    }
}
