using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Enclave.Configuration;
using Pulumi.Testing;

namespace Enclave.Offline.Fakes;

/// <summary>
/// Realistic, deterministic answers to the OCI invokes the enclave program makes, shaped with the official result
/// types' wire names (the SDK converts them through the <c>[OutputConstructor]</c> parameters):
/// <c>oci:Core/getServices:getServices</c>, <c>oci:ObjectStorage/getNamespace:getNamespace</c>,
/// <c>oci:CloudGuard/getSecurityPolicies:getSecurityPolicies</c> and
/// <c>oci:Identity/getRegionSubscriptions:getRegionSubscriptions</c>.
/// </summary>
public sealed partial class FakeCloud
{
    public const string GetServices = "oci:Core/getServices:getServices";
    public const string GetNamespace = "oci:ObjectStorage/getNamespace:getNamespace";
    public const string GetSecurityPolicies = "oci:CloudGuard/getSecurityPolicies:getSecurityPolicies";
    public const string GetRegionSubscriptions = "oci:Identity/getRegionSubscriptions:getRegionSubscriptions";

    /// <param name="tenancyOcid">The tenancy the fake cloud pretends to be.</param>
    /// <param name="homeRegion">Its home region.</param>
    /// <param name="subscribedRegions">Regions it is subscribed to (the home region is added when missing).</param>
    /// <param name="domainUrls">URLs of identity domains by name, as the stack declares them (groups.identityDomainUrl);
    /// any other domain's URL is made up from the tenancy and its name.</param>
    public FakeCloud(string tenancyOcid, string homeRegion, IEnumerable<string> subscribedRegions,
        IReadOnlyDictionary<string, string>? domainUrls = null)
    {
        DomainUrls = domainUrls ?? ImmutableDictionary<string, string>.Empty;
        TenancyOcid = tenancyOcid;
        HomeRegion = homeRegion;
        SubscribedRegions = [homeRegion, .. subscribedRegions.Where(r => r != homeRegion).Distinct()];
    }

    /// <summary>A fake cloud for a stack: subscribed to its home, deployment and standby regions.</summary>
    public static FakeCloud For(EnclaveSettings settings) =>
        new(settings.TenancyOcid, settings.HomeRegion,
            new[] { settings.DeploymentRegion, settings.Database.StandbyRegion }.OfType<string>(),
            settings.Groups is { IdentityDomain: { } domain, IdentityDomainUrl: { } url }
                ? ImmutableDictionary<string, string>.Empty.Add(domain, url) : null);

    /// <summary>A generic tenancy in us-ashburn-1 (home) and us-phoenix-1, for tests that do not care.</summary>
    public static FakeCloud Default { get; } =
        new("ocid1.tenancy.oc1..aaaaaaaaexamplefakecloudtenancy00000000000000000000000000000", "us-ashburn-1", ["us-phoenix-1"]);

    public string TenancyOcid { get; }
    public string HomeRegion { get; }
    public ImmutableArray<string> SubscribedRegions { get; }
    public IReadOnlyDictionary<string, string> DomainUrls { get; }

    /// <summary>The Object Storage namespace of the tenancy (stable per tenancy, 12 characters like real ones).</summary>
    public string Namespace => FakeIds.Digest(12, "namespace", TenancyOcid);

    /// <summary>Answers an invoke with <see cref="Default"/>, for <c>Mock&lt;IMocks&gt;</c> setups:
    /// <c>.Returns((MockCallArgs a) =&gt; FakeCloud.Answer(a))</c>.</summary>
    public static Task<object> Answer(MockCallArgs args) => Task.FromResult(Default.Invoke(args.Token ?? "", args.Args, "us-ashburn-1"));

    /// <summary>The result of invoke <paramref name="token"/> in <paramref name="region"/> (the invoke's provider region).</summary>
    public object Invoke(string token, IReadOnlyDictionary<string, object>? args, string region)
    {
        args ??= ImmutableDictionary<string, object>.Empty;
        return token switch
        {
            GetServices => Services(args, region),
            GetNamespace => new Dictionary<string, object>
            {
                ["id"] = Namespace,
                ["namespace"] = Namespace,
                ["compartmentId"] = args.TryGetValue("compartmentId", out var c) ? c : TenancyOcid,
            },
            GetSecurityPolicies => SecurityPolicies(args, region),
            GetRegionSubscriptions => RegionSubscriptions(args),
            GetDetectorRecipes => DetectorRecipes(args, region),
            GetResponderRecipes => ResponderRecipes(args, region),
            GetDomains => Domains(args, region),
            _ => throw new NotSupportedException(
                $"the offline fake cloud has no answer for invoke '{token}'; it answers {GetServices}, {GetNamespace}, " +
                $"{GetSecurityPolicies}, {GetRegionSubscriptions}, {GetDetectorRecipes}, {GetResponderRecipes} and {GetDomains}"),
        };
    }

    private static object Services(IReadOnlyDictionary<string, object> args, string region)
    {
        var key = FakeIds.RegionKey(region);
        var lower = key.ToLowerInvariant();
        var all = Service(region, $"All {key} Services In Oracle Services Network", $"all-{lower}-services-in-oracle-services-network");
        var objectStorage = Service(region, $"OCI {key} Object Storage", $"oci-{lower}-objectstorage");
        var services = new List<Dictionary<string, object>> { all, objectStorage }.Where(s => PassesFilters(s, args)).ToList<object>();
        return new Dictionary<string, object>
        {
            ["id"] = $"ServicesDataSource-{FakeIds.Digest(10, "services", region)}",
            ["services"] = services,
            ["filters"] = Filters(args),
        };
    }

    private static Dictionary<string, object> Service(string region, string name, string cidrLabel) => new()
    {
        ["id"] = FakeIds.Ocid("service", region, cidrLabel),
        ["name"] = name,
        ["cidrBlock"] = cidrLabel,
        ["description"] = name,
    };

    private object SecurityPolicies(IReadOnlyDictionary<string, object> args, string region)
    {
        var compartment = args.TryGetValue("compartmentId", out var c) && c is string s ? s : TenancyOcid;
        var displayName = args.TryGetValue("displayName", out var d) ? d as string : null;
        var items = SecurityPolicyCatalog.All
            .Select(p => new Dictionary<string, object>
            {
                ["id"] = FakeIds.Ocid("securityzonessecuritypolicy", region, p.FriendlyName),
                ["friendlyName"] = p.FriendlyName,
                ["displayName"] = p.FriendlyName,
                ["description"] = $"Oracle-managed security zone policy: {p.FriendlyName}",
                ["category"] = p.Category,
                ["owner"] = "ORACLE",
                ["services"] = new List<object> { p.Service },
                ["state"] = "ACTIVE",
                ["compartmentId"] = compartment,
                ["lifecycleDetails"] = "",
                ["timeCreated"] = "2022-06-01T00:00:00.000Z",
                ["timeUpdated"] = "2022-06-01T00:00:00.000Z",
            })
            .Where(i => displayName is null || (string)i["displayName"] == displayName)
            .Where(i => PassesFilters(i, args))
            .ToList<object>();
        return new Dictionary<string, object>
        {
            ["id"] = $"CloudGuardSecurityPoliciesDataSource-{FakeIds.Digest(10, "policies", compartment)}",
            ["compartmentId"] = compartment,
            ["securityPolicyCollections"] = new List<object> { new Dictionary<string, object> { ["items"] = items } },
            ["filters"] = Filters(args),
        };
    }

    private object RegionSubscriptions(IReadOnlyDictionary<string, object> args)
    {
        var tenancy = args.TryGetValue("tenancyId", out var t) && t is string s ? s : TenancyOcid;
        var subscriptions = SubscribedRegions
            .Select(r => new Dictionary<string, object>
            {
                ["regionName"] = r,
                ["regionKey"] = FakeIds.RegionKey(r),
                ["isHomeRegion"] = r == HomeRegion,
                ["state"] = "READY",
                ["tenancyId"] = tenancy,
            })
            .Where(i => PassesFilters(i, args))
            .ToList<object>();
        return new Dictionary<string, object>
        {
            ["id"] = $"IdentityRegionSubscriptionsDataSource-{FakeIds.Digest(10, "subscriptions", tenancy)}",
            ["tenancyId"] = tenancy,
            ["regionSubscriptions"] = subscriptions,
            ["filters"] = Filters(args),
        };
    }

    private static List<object> Filters(IReadOnlyDictionary<string, object> args) =>
        args.TryGetValue("filters", out var f) && f is IEnumerable<object> list ? list.ToList() : [];

    /// <summary>The data-source <c>filters</c> block: every filter must match (exact values, or regexes when <c>regex</c> is true).</summary>
    private static bool PassesFilters(Dictionary<string, object> item, IReadOnlyDictionary<string, object> args)
    {
        foreach (var filter in Filters(args).OfType<IReadOnlyDictionary<string, object>>())
        {
            if (filter.GetValueOrDefault("name") is not string field || !item.TryGetValue(field, out var value)) continue;
            var text = value is bool b ? (b ? "true" : "false") : value.ToString() ?? "";
            var regex = filter.GetValueOrDefault("regex") is true;
            var values = filter.GetValueOrDefault("values") is IEnumerable<object> vs ? vs.OfType<string>().ToList() : [];
            var match = values.Any(v => regex ? Regex.IsMatch(text, v, RegexOptions.None, TimeSpan.FromSeconds(1)) : v == text);
            if (!match) return false;
        }
        return true;
    }
}
