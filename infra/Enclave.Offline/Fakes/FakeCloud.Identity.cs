namespace Enclave.Offline.Fakes;

// Oracle-managed Cloud Guard recipes and identity domains: what the program looks up by owner, detector type or name
// because their OCIDs differ per realm and tenancy.
public sealed partial class FakeCloud
{
    public const string GetDetectorRecipes = "oci:CloudGuard/getDetectorRecipes:getDetectorRecipes";
    public const string GetResponderRecipes = "oci:CloudGuard/getResponderRecipes:getResponderRecipes";
    public const string GetDomains = "oci:Identity/getDomains:getDomains";

    /// <summary>The Oracle-managed detector recipes every tenancy with Cloud Guard has (display name, detector).</summary>
    public static readonly IReadOnlyList<(string DisplayName, string Detector)> OracleDetectorRecipes =
    [
        ("OCI Configuration Detector Recipe", "IAAS_CONFIGURATION_DETECTOR"),
        ("OCI Activity Detector Recipe", "IAAS_ACTIVITY_DETECTOR"),
        ("OCI Threat Detector Recipe", "IAAS_THREAT_DETECTOR"),
    ];

    public const string OracleResponderRecipe = "OCI Responder Recipe";

    private object DetectorRecipes(IReadOnlyDictionary<string, object> args, string region)
    {
        var compartment = args.TryGetValue("compartmentId", out var c) && c is string s ? s : TenancyOcid;
        var items = OracleDetectorRecipes.Select(r => Recipe(compartment, region, r.DisplayName, "cloudguarddetectorrecipe",
            new() { ["detector"] = r.Detector, ["detectorRecipeType"] = "STANDARD" })).ToList<object>();
        return Collection("detectorRecipeCollections", "CloudGuardDetectorRecipesDataSource", compartment, items, args);
    }

    private object ResponderRecipes(IReadOnlyDictionary<string, object> args, string region)
    {
        var compartment = args.TryGetValue("compartmentId", out var c) && c is string s ? s : TenancyOcid;
        var items = new List<object> { Recipe(compartment, region, OracleResponderRecipe, "cloudguardresponderrecipe", []) };
        return Collection("responderRecipeCollections", "CloudGuardResponderRecipesDataSource", compartment, items, args);
    }

    private static Dictionary<string, object> Recipe(string compartment, string region, string displayName, string kind,
        Dictionary<string, object> extra)
    {
        var recipe = new Dictionary<string, object>
        {
            ["id"] = FakeIds.Ocid(kind, region, displayName),
            ["displayName"] = displayName,
            ["description"] = $"Oracle-managed {displayName}",
            ["owner"] = "ORACLE",
            ["state"] = "ACTIVE",
            ["compartmentId"] = compartment,
        };
        foreach (var (k, v) in extra) recipe[k] = v;
        return recipe;
    }

    private static Dictionary<string, object> Collection(string field, string idPrefix, string compartment, List<object> items,
        IReadOnlyDictionary<string, object> args) => new()
    {
        ["id"] = $"{idPrefix}-{FakeIds.Digest(10, field, compartment)}",
        ["compartmentId"] = compartment,
        [field] = new List<object> { new Dictionary<string, object> { ["items"] = items } },
        ["filters"] = Filters(args),
    };

    /// <summary>The identity domain asked for by display name (the fake tenancy has every domain a stack names, at the
    /// URL the stack declares for it).</summary>
    private object Domains(IReadOnlyDictionary<string, object> args, string region)
    {
        var compartment = args.TryGetValue("compartmentId", out var c) && c is string s ? s : TenancyOcid;
        var domains = new List<object>();
        if (args.TryGetValue("displayName", out var n) && n is string name)
        {
            var host = "idcs-" + FakeIds.Digest(32, "domain", TenancyOcid + "/" + name);
            var url = DomainUrls.TryGetValue(name, out var declared) ? declared : $"https://{host}.identity.oraclecloud.com:443";
            domains.Add(new Dictionary<string, object>
            {
                ["id"] = FakeIds.Ocid("domain", region, name),
                ["displayName"] = name,
                ["compartmentId"] = compartment,
                ["homeRegion"] = HomeRegion,
                ["url"] = url,
                ["homeRegionUrl"] = url,
                ["state"] = "ACTIVE",
                ["type"] = "DEFAULT",
                ["licenseType"] = "premium",
            });
        }
        return new Dictionary<string, object>
        {
            ["id"] = $"IdentityDomainsDataSource-{FakeIds.Digest(10, "domains", compartment)}",
            ["compartmentId"] = compartment,
            ["domains"] = domains,
            ["filters"] = Filters(args),
        };
    }
}
