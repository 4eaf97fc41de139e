using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Round 7: Oracle-managed objects known to the gate only by OCID. The program looked the security-zone policies up
/// by name at deploy, so a recipe whose OCIDs were swapped for weaker policies looked the same; the stack now declares
/// them (<c>oracleIds.securityZonePolicies</c>), the program uses them and ENC-GOV-003 judges the recipe against them.
/// Cloud Guard recipe clones likewise start from Oracle's recipes the stack declares (<c>oracleIds</c>, ENC-LOG-030),
/// and the service gateway attaches the Object Storage service the stack declares (<c>oracleIds.objectStorageService</c>,
/// ENC-NET-011): a preview shows it by OCID only, so all services' OCID in its place looked the same.
/// </summary>
public sealed class OracleIdAttacks : AttackClass
{
    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("zone recipe's first policy swapped for a weaker one by OCID", "ENC-GOV-003", p =>
        {
            p.Resource("tenancy-zone-recipe").Set("securityPolicies[0]", "ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaparentweakerpolicy");
            return p.Resource("tenancy-zone").Urn;
        });
        yield return Attack("zone recipe drops a declared policy", "ENC-GOV-003", p =>
        {
            var recipe = p.Resource("tenancy-zone-recipe");
            var kept = (JsonArray)recipe.Get("securityPolicies")!.DeepClone();
            kept.RemoveAt(kept.Count - 1);
            recipe.Set("securityPolicies", kept);
            return p.Resource("tenancy-zone").Urn;
        });

        yield return Attack("activity detector cloned from a user-managed recipe with its rules off", "ENC-LOG-030",
            p => p.Resource("tenancy-activity-detector-recipe").Set("sourceDetectorRecipeId", "ocid1.cloudguarddetectorrecipe.oc1..aaaaaaaaparentquietrecipe"));
        yield return Attack("responder cloned from another responder recipe", "ENC-LOG-030",
            p => p.Resource("tenancy-responder-recipe").Set("sourceResponderRecipeId", "ocid1.cloudguardresponderrecipe.oc1..aaaaaaaaparentnoop"));
        yield return Attack("configuration detector cloned from the activity recipe", "ENC-LOG-030", p =>
        {
            var activity = p.Resource("tenancy-activity-detector-recipe").Get("sourceDetectorRecipeId")!.DeepClone();
            return p.Resource("tenancy-configuration-detector-recipe").Set("sourceDetectorRecipeId", activity).Urn;
        });

        yield return Attack("service gateway's Object Storage service swapped for all services by OCID alone", "ENC-NET-011",
            p => p.Resource("network-service-gateway").Set("services[0].serviceId", "ocid1.service.oc1.iad.aaaaaaaaexampleallservices"));
        yield return Legitimate("service gateway re-attaches the declared Object Storage service", p =>
        {
            var gateway = p.Resource("network-service-gateway");
            var declared = gateway.Get("services[0].serviceId")!.DeepClone();
            gateway.Set("services", new JsonArray(new JsonObject { ["serviceId"] = declared }));
        });

        yield return Legitimate("zone recipe lists its policies in another order", p =>
        {
            var recipe = p.Resource("tenancy-zone-recipe");
            var policies = ((JsonArray)recipe.Get("securityPolicies")!).Select(n => n!.DeepClone()).Reverse().ToArray();
            recipe.Set("securityPolicies", new JsonArray(policies));
        });
    }
}
