using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>CIS 4.14 that detects: Cloud Guard enabled is not enough; a target must cover the enclave with detector
/// and responder recipes, or nothing is examined.</summary>
public sealed class CloudGuardTargetDetects : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-010", "A Cloud Guard target with detector and responder recipes covers the enclave", Severity.High, Enforcement.Mandatory,
        "Cloud Guard only examines compartments a target covers, with the detector recipes attached to that target; without one, misconfigurations and suspicious activity (a PAR, a public bucket, a policy change) raise no problem.",
        "Declare a CloudGuard.Target on the enclave's top compartment (targetResourceType COMPARTMENT) with at least two detector recipes (configuration and activity, cloned from Oracle's with DetectorRecipe.sourceDetectorRecipeId) and a responder recipe (ResponderRecipe.sourceResponderRecipeId).",
        Cis: "4.14");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        // The enclave's top compartment: a declared compartment whose parent is no declared compartment.
        var compartments = g.OfType(OciTypes.Compartment).ToList();
        var topCompartments = compartments.Where(c => !compartments.Any(p => !ReferenceEquals(p, c)
            && References.Identifies(g, c, "compartmentId", c.Input("compartmentId"), p) == Truth.True)).ToList();
        var detectors = g.OfType(OciTypes.DetectorRecipe).ToList();
        var responders = g.OfType(OciTypes.ResponderRecipe).ToList();
        var covered = Truth.False;
        foreach (var t in g.OfType(OciTypes.CloudGuardTarget))
        {
            var recipes = t.Input("targetDetectorRecipes").AsList();
            var twoDetectors = TwoDetectors(g, t, recipes, detectors);
            var responds = t.Input("targetResponderRecipes").AsList().Aggregate(Truth.False, (a, r) =>
                a.Or(responders.Aggregate(Truth.False, (b, x) => b.Or(References.Identifies(g, t, "targetResponderRecipes", r["responderRecipeId"], x)))));
            var onTop = topCompartments.Aggregate(Truth.False, (a, c) => a.Or(References.Identifies(g, t, "targetResourceId", t.Input("targetResourceId"), c)));
            var a = new Assessment()
                .Require(t.Input("targetResourceType").EqualsString("COMPARTMENT", StringComparison.OrdinalIgnoreCase), "targets a compartment")
                .Require(onTop, "targets the enclave's top compartment")
                .Require(t.Input("targetDetectorRecipes").IsKnown ? twoDetectors : Truth.Unknown,
                    "runs at least two declared detector recipes (configuration and activity)")
                .Require(responds, "has a declared responder recipe");
            sink.Judge(t.Urn, t.Label, a);
            covered = covered.Or(a.Outcome);
        }
        sink.Judge(Scope.StackUrn(g), "Cloud Guard coverage", new Assessment().Require(covered, "a Cloud Guard target covers the enclave"));
    }

    /// <summary>
    /// Does the target run at least two declared detector recipes? Sure when two entries name two of them by known id
    /// or reference. In a preview the recipes' ids are not assigned yet: then the entries are unknown, and the target's
    /// recipe list counts as two when it has two entries, every entry can only name a declared detector recipe, and
    /// the list was built from at least two distinct ones (its property dependencies). Otherwise undetermined or not.
    /// </summary>
    private static Truth TwoDetectors(ResourceGraph g, ResourceNode target, IReadOnlyList<PropertyValue> entries, List<ResourceNode> detectors)
    {
        var named = entries.Select(e => detectors.Aggregate(Truth.False,
            (a, d) => a.Or(References.Identifies(g, target, "targetDetectorRecipes", e["detectorRecipeId"], d)))).ToList();
        if (named.Count(n => n == Truth.True) >= 2) return Truth.True;
        if (named.Count(n => n.Possible()) < 2) return Truth.False;
        var builtFrom = target.PropertyDependencies.TryGetValue("targetDetectorRecipes", out var deps)
            ? detectors.Count(d => deps.Contains(d.Urn)) : 0;
        return named.All(n => n.Possible()) && builtFrom >= 2 ? Truth.True : Truth.Unknown;
    }
}
