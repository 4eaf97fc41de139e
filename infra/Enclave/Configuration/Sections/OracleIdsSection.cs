using System.Collections.Immutable;
using Enclave.Components.Tenancy;
using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary>
/// <c>us-data-enclave:oracleIds</c> (optional): OCIDs of Oracle-managed objects the program names. Today the security-zone
/// policies of the enclave recipe, one per required policy, keyed by its friendly name without <c>deny </c>
/// (<c>public_buckets: ocid1.securityzonessecuritypolicy.oc1..…</c>), as
/// <c>oci cloud-guard security-policy-collection list-security-policies</c> lists them.
/// </summary>
internal static class OracleIdsSection
{
    private const string PolicyType = "securityzonessecuritypolicy";
    private static readonly string[] Fields = ["securityZonePolicies"];

    /// <summary>The recipe's policies by the names the config uses (without the <c>deny </c> of their friendly names).</summary>
    private static readonly string[] PolicyNames = [.. SecurityZonePolicies.Required.Select(n => n["deny ".Length..])];

    public static OracleIdSettings Read(ConfigReader r)
    {
        var o = r.Object(ConfigKeys.OracleIds, "an object with the OCIDs of Oracle-managed objects the program names", Fields, required: false);
        if (o is null) return OracleIdSettings.None;
        var policies = o.Object("securityZonePolicies", "the OCID of each security-zone policy of the enclave recipe", PolicyNames);
        if (policies is null) return OracleIdSettings.None;
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
        return ids.Count == PolicyNames.Length ? new OracleIdSettings { SecurityZonePolicies = ids.ToImmutable() } : OracleIdSettings.None;
    }
}
