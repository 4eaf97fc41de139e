using Pulumi;
using Pulumi.Oci.CloudGuard;
using Pulumi.Oci.CloudGuard.Inputs;

namespace Enclave.Components.Tenancy;

/// <summary>
/// Cloud Guard that detects, not just exists (CIS 4.14): a target on the enclave's top compartment with Oracle's
/// configuration and activity detector recipes and its responder recipe. Oracle-managed recipes cannot be edited and
/// their OCIDs differ per realm, so they are found by owner and detector type and cloned into the security
/// compartment (the landing-zone pattern); problems are reported to the home region (the reporting region).
/// </summary>
public static class CloudGuardTarget
{
    /// <summary>The detectors the enclave's target runs: resource configuration and user activity.</summary>
    public static readonly IReadOnlyList<(string Detector, string Local)> Detectors =
    [
        ("IAAS_CONFIGURATION_DETECTOR", "configuration"),
        ("IAAS_ACTIVITY_DETECTOR", "activity"),
    ];

    public const string OracleOwner = "ORACLE";

    /// <summary>The id of the Oracle-managed recipe among <paramref name="recipes"/> (owner, detector, id); one clear error
    /// when Cloud Guard offers none or several.</summary>
    public static string OracleRecipe(IEnumerable<(string? Owner, string? Detector, string? Id)> recipes, string? detector)
    {
        var matches = recipes.Where(r => r.Owner == OracleOwner && (detector is null || r.Detector == detector) && !string.IsNullOrEmpty(r.Id))
            .Select(r => r.Id!).Distinct().ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new RunException($"Cloud Guard offers {matches.Count} Oracle-managed {detector ?? "responder"} recipes in the tenancy; " +
                                     "the enclave's target needs exactly one (is Cloud Guard enabled in the home region?)");
    }

    public static Output<string> OracleDetectorRecipeId(string tenancyOcid, string detector, InvokeOptions options) =>
        GetDetectorRecipes.Invoke(new GetDetectorRecipesInvokeArgs { CompartmentId = tenancyOcid }, options)
            .Apply(r => OracleRecipe(r.DetectorRecipeCollections.SelectMany(c => c.Items)
                .Select(i => ((string?)i.Owner, (string?)i.Detector, (string?)i.Id)), detector));

    public static Output<string> OracleResponderRecipeId(string tenancyOcid, InvokeOptions options) =>
        GetResponderRecipes.Invoke(new GetResponderRecipesInvokeArgs { CompartmentId = tenancyOcid }, options)
            .Apply(r => OracleRecipe(r.ResponderRecipeCollections.SelectMany(c => c.Items)
                .Select(i => ((string?)i.Owner, (string?)null, (string?)i.Id)), null));

    public static TargetArgs Target(Output<string> top, string displayName, IEnumerable<Output<string>> detectorRecipes,
        Output<string> responderRecipe)
    {
        var args = new TargetArgs
        {
            CompartmentId = top,
            DisplayName = displayName,
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = "Cloud Guard over the whole enclave: configuration and activity detectors, Oracle responder.",
            TargetResourceId = top,
            TargetResourceType = "COMPARTMENT",
            State = "ACTIVE",
            TargetResponderRecipes = { new TargetTargetResponderRecipeArgs { ResponderRecipeId = responderRecipe } },
        };
        foreach (var recipe in detectorRecipes)
            args.TargetDetectorRecipes.Add(new TargetTargetDetectorRecipeArgs { DetectorRecipeId = recipe });
        return args;
    }
}
