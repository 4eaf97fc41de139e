using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.ControlPlane;

/// <summary>
/// What each allowed service principal may do, declared here and nowhere else: the services' counterpart of
/// <see cref="ControlCeilings"/>. A service principal acts for every customer of that service in the region, so a grant
/// above what the enclave needs from it (Cloud Guard using keys, Object Storage managing objects) lends the enclave's
/// keys or data to whatever that service is asked to do by anyone.
/// </summary>
public static class ServiceCeilings
{
    /// <summary>Why <paramref name="service"/> may not hold <paramref name="access"/>, or null when it may.</summary>
    public static string? Problem(string service, Access access)
    {
        var name = service.ToLowerInvariant();
        if (name == "cloudguard")
            return access is VerbAccess { Verb: <= Verb.Read } or VerbAccess { Verb: Verb.Use, ResourceType: "network-security-groups" }
                ? null : $"Cloud Guard may only read resources and use network security groups, yet it may {Describe(access)}";
        if (name.StartsWith("objectstorage-", StringComparison.Ordinal))
            return access is VerbAccess { Verb: <= Verb.Use, ResourceType: "keys" }
                ? null : $"Object Storage may only use keys (to encrypt buckets with the enclave's key), yet it may {Describe(access)}";
        return null;  // other services are not allowed at all: ENC-IAM-040 and the data allow-list judge them
    }

    private static string Describe(Access access) => access switch
    {
        VerbAccess v => $"{v.Verb.ToString().ToLowerInvariant()} {v.ResourceType}",
        PermissionAccess p => $"hold {string.Join(", ", p.Permissions)}",
        _ => "associate resources",
    };
}
