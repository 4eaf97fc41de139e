using System.Collections.Immutable;
using Enclave.Components.Tenancy;
using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary>
/// <c>us-data-enclave:oracleIds</c> (optional, each field too): OCIDs of Oracle-managed objects the program names. The
/// security-zone policies of the enclave recipe, one per required policy, keyed by its friendly name without
/// <c>deny </c> (<c>public_buckets: ocid1.securityzonessecuritypolicy.oc1..…</c>); Oracle's detector recipes the
/// enclave clones, per detector (<c>configuration</c>, <c>activity</c>); Oracle's responder recipe; per region, the Object
/// Storage service its service gateway attaches (<c>us-ashburn-1: ocid1.service.oc1.iad.…</c>).
/// </summary>
internal static class OracleIdsSection
{
    private const string PolicyType = "securityzonessecuritypolicy";
    private static readonly string[] Fields = ["securityZonePolicies", "detectorRecipes", "responderRecipe", "objectStorageServices"];

    /// <summary>The recipe's policies by the names the config uses (without the <c>deny </c> of their friendly names).</summary>
    private static readonly string[] PolicyNames = [.. SecurityZonePolicies.Required.Select(n => n["deny ".Length..])];

    public static OracleIdSettings Read(ConfigReader r)
    {
        var o = r.Object(ConfigKeys.OracleIds, "an object with the OCIDs of Oracle-managed objects the program names", Fields, required: false);
        if (o is null) return OracleIdSettings.None;
        return new OracleIdSettings
        {
            SecurityZonePolicies = ReadPolicies(r, o),
            DetectorRecipes = ReadDetectors(r, o),
            ResponderRecipe = Recipe(r, o, "responderRecipe", "cloudguardresponderrecipe", "Oracle's responder recipe", required: false),
            ObjectStorageServices = ReadServices(r, o),
        };
    }

    /// <summary>
    /// Per US region, its Object Storage service as <c>oci network service list</c> shows it ("OCI &lt;KEY&gt; Object
    /// Storage"): a service OCID carrying that region's key, since a gateway attaches a service of its own region only.
    /// </summary>
    private static ImmutableSortedDictionary<string, string> ReadServices(ConfigReader r, ConfigObject o)
    {
        string[] regions = [.. UsRegions.Default, .. UsRegions.OptIn];
        var services = o.Object("objectStorageServices", "per region, the OCID of its Object Storage service", regions, required: false);
        if (services is null) return ImmutableSortedDictionary<string, string>.Empty;
        var ids = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var key = UsRegions.Keys[region].ToLowerInvariant();
            var expected = $"the OCID of the Object Storage service of {region} (`oci network service list`: \"OCI {UsRegions.Keys[region]} Object Storage\"), e.g. ocid1.service.oc1.{key}.aaaaaaaa…";
            if (services.String(region, expected, required: false) is not { } id) continue;
            if (Ocid.IsOfType(id, "service") && id.Split('.')[3] == key) ids[region] = id;
            else r.Report(services.FieldKey(region), $"is not a service OCID of {region}; expected {expected}");
        }
        return ids.ToImmutable();
    }

    /// <summary>Oracle's detector recipe per detector the target runs (CloudGuardTarget.Detectors), all or none.</summary>
    private static ImmutableSortedDictionary<string, string> ReadDetectors(ConfigReader r, ConfigObject o)
    {
        var names = CloudGuardTarget.Detectors.Select(d => d.Local).ToArray();
        var recipes = o.Object("detectorRecipes", "the OCID of Oracle's detector recipe per detector", names, required: false);
        if (recipes is null) return ImmutableSortedDictionary<string, string>.Empty;
        var ids = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
            if (Recipe(r, recipes, name, "cloudguarddetectorrecipe", $"Oracle's {name} detector recipe") is { } id) ids[name] = id;
        return ids.Count == names.Length ? ids.ToImmutable() : ImmutableSortedDictionary<string, string>.Empty;
    }

    private static string? Recipe(ConfigReader r, ConfigObject o, string field, string type, string what, bool required = true)
    {
        var expected = $"the OCID of {what} (owner ORACLE, as `oci cloud-guard ... list` shows it), e.g. {Ocid.Example(type)}";
        if (o.String(field, expected, required) is not { } id) return null;
        if (Ocid.IsOfType(id, type)) return id;
        r.Report(o.FieldKey(field), $"is not a {type} OCID; expected {expected}");
        return null;
    }

    private static ImmutableSortedDictionary<string, string> ReadPolicies(ConfigReader r, ConfigObject o)
    {
        var policies = o.Object("securityZonePolicies", "the OCID of each security-zone policy of the enclave recipe", PolicyNames, required: false);
        if (policies is null) return ImmutableSortedDictionary<string, string>.Empty;
        var ids = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in PolicyNames)
        {
            var what = $"the OCID of the security-zone policy 'deny {name}', e.g. {Ocid.Example(PolicyType)}";
            if (policies.String(name, what) is not { } id) continue;
            if (!Ocid.IsGlobal(id, PolicyType))
                r.Report(policies.FieldKey(name), $"is not a security-zone policy OCID; expected {what}");
            else if (seen.TryGetValue(id, out var other))
                r.Report(policies.FieldKey(name), $"is the same OCID as {other}; each policy has its own");
            else
            {
                seen[id] = name;
                ids["deny " + name] = id;
            }
        }
        return ids.Count == PolicyNames.Length ? ids.ToImmutable() : ImmutableSortedDictionary<string, string>.Empty;
    }
}
