using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Where the persona groups live. Statements name a persona's group by domain and name (<c>'UsdsEnclave'/'usde-prod-
/// auditors'</c>), so a persona group moved to another identity domain (its <c>idcsEndpoint</c> changed, or made a
/// Default-domain IAM group) keeps its name yet matches no statement: the auditors lose their oversight (or the
/// gatekeepers their administration) while every grant still reads as held, and the group's members are then managed
/// by whoever administers the other domain, the parent company's included. So the persona groups are the kind the
/// config says (identity-domain groups when it names an identity domain, IAM groups otherwise) and the identity-domain
/// ones live at the domain URL the stack declares (<c>groups.identityDomainUrl</c>): a name alone says nothing of which
/// domain an endpoint is, and all four groups moved together still agree with one another. Without a declared URL a
/// group that differs from the others fails, and the rest are undetermined.
/// </summary>
internal sealed class PersonaGroupDomain
{
    private readonly bool _inDomain;
    private readonly string? _domain;
    private readonly string? _declared;
    private readonly Dictionary<string, int> _endpoints = new(StringComparer.Ordinal);
    private readonly int _domainGroups;

    /// <param name="personaGroups">The stack's groups that carry a declared persona's name.</param>
    public PersonaGroupDomain(PolicyContext policy, IReadOnlyCollection<ResourceNode> personaGroups)
    {
        var configured = new[] { policy.GatekeeperGroup, policy.OperatorGroup, policy.AuditorGroup, policy.StorageAdminGroup };
        _domain = policy.IdentityDomain is { Length: > 0 } d ? d
            : configured.FirstOrDefault(n => n.IndexOf('/') > 0) is { } qualified ? qualified[..qualified.IndexOf('/')] : null;
        _inDomain = _domain is not null;
        _declared = policy.IdentityDomainUrl is { Length: > 0 } url ? Canonical(url) : null;
        foreach (var group in personaGroups.Where(g => g.IsType(OciTypes.DomainsGroup)))
        {
            _domainGroups++;
            if (Endpoint(group) is { } e) _endpoints[e] = _endpoints.GetValueOrDefault(e) + 1;
        }
    }

    /// <summary>Whether a persona group lives where the personas do, and why not.</summary>
    public (Truth Holds, string Why) Judge(ResourceNode group)
    {
        if (group.IsType(OciTypes.Group))
            return _inDomain
                ? (Truth.False, $"is a Default-domain IAM group, but the personas live in identity domain {_domain}: the statements name {_domain}'s group, not this one")
                : (Truth.True, "is an IAM group, as the personas are");
        if (!_inDomain)
            return (Truth.False, "is an identity-domain group, but the config names no identity domain: the statements name the Default domain's group, not this one");
        if (ByUrl(group, $"the statements naming {_domain}'s group no longer reach its members, and that domain's administrators manage them",
                out var endpoint) is { } byUrl)
            return byUrl;
        // Nothing declared: a strict majority of the persona groups agrees on the domain, and one moved away from it is
        // the odd one out; but which domain the majority's endpoint is, only a declared URL says.
        var count = _endpoints[endpoint];
        return count * 2 > _domainGroups
            ? (Truth.Unknown, $"lives at {endpoint} with the other persona groups, but the stack declares no groups.identityDomainUrl, so the gate cannot tell that this is identity domain {_domain} (all of them moved together look the same)")
            : (Truth.False, $"lives in identity domain {endpoint}, not the one the other persona groups share: the statements naming {_domain}'s group no longer reach its members");
    }

    /// <summary>
    /// Whether another identity-domain resource (a user, an identity provider, a credential) lives where the personas
    /// do: at the declared URL, else with the persona groups. One in another domain is administered by that domain's
    /// administrators (the parent company's, say): a break-glass user there is theirs to reset, a provider there
    /// federates into their domain, and a credential there belongs to their user, whatever name it carries.
    /// </summary>
    public (Truth Holds, string Why) JudgePlaced(ResourceNode resource)
    {
        if (!_inDomain)
            return (Truth.False, "is an identity-domain resource, but the config names no identity domain (groups.identityDomain): its domain is administered outside the enclave");
        if (ByUrl(resource, "that domain's administrators control it", out var endpoint) is { } byUrl) return byUrl;
        var shared = _endpoints.FirstOrDefault(e => e.Value * 2 > _domainGroups);
        if (shared.Key is null)
            return (Truth.Unknown, $"lives at {endpoint}, but the stack declares no groups.identityDomainUrl and its persona groups share no domain to compare with");
        // With the persona groups, but as in Judge: without a declared URL, groups and resources moved together to
        // another domain look exactly like this, so it is never a pass, only away from them a definite failure.
        return endpoint == shared.Key
            ? (Truth.Unknown, $"lives at {endpoint} with the persona groups, but the stack declares no groups.identityDomainUrl, so the gate cannot tell that this is identity domain {_domain} (all of them moved together look the same)")
            : (Truth.False, $"lives in identity domain {endpoint}, not the one the persona groups share ({shared.Key}): that domain's administrators control it");
    }

    /// <summary>
    /// What an identity-domain resource's URL alone decides, for groups and other resources alike: an unreadable URL
    /// fails, and with a declared URL it is there or not (<paramref name="away"/>: what a resource elsewhere means).
    /// Null when the stack declares no URL: the caller compares <paramref name="endpoint"/> with the persona groups'.
    /// </summary>
    private (Truth Holds, string Why)? ByUrl(ResourceNode resource, string away, out string endpoint)
    {
        endpoint = Endpoint(resource) ?? "";
        if (endpoint.Length == 0)
            return (Truth.False, $"its idcsEndpoint is not readable ({resource.Input("idcsEndpoint")}), so the gate cannot tell which identity domain holds it");
        if (_declared is null) return null;
        return endpoint == _declared
            ? (Truth.True, $"lives in identity domain {_domain} at its declared URL ({endpoint})")
            : (Truth.False, $"lives in identity domain {endpoint}, not {_domain} at its declared URL {_declared} (groups.identityDomainUrl): {away}");
    }

    /// <summary>The personas' domain as the graph's groups carrying a declared persona's name show it.</summary>
    public static PersonaGroupDomain Of(PolicyContext policy, ResourceGraph graph)
    {
        var declared = PersonaGroupNames(policy);
        var groups = graph.OfType(OciTypes.Group).Concat(graph.OfType(OciTypes.DomainsGroup))
            .Where(g => IdentityPlaneGraph.GroupName(g).AsString() is { } n && declared.Contains(n)).ToList();
        return new PersonaGroupDomain(policy, groups);
    }

    /// <summary>The group names of the configured personas (<c>Domain/Name</c> or <c>Name</c>), compared as OCI does (ignoring case).</summary>
    public static HashSet<string> PersonaGroupNames(PolicyContext p) =>
        new[] { p.GatekeeperGroup, p.OperatorGroup, p.AuditorGroup, p.StorageAdminGroup }
            .Where(n => n.Length > 0).Select(n => n[(n.IndexOf('/') + 1)..]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string? Endpoint(ResourceNode group) =>
        group.Input("idcsEndpoint").AsString() is { Length: > 0 } s ? Canonical(s) : null;

    /// <summary>One spelling per domain URL: case, the default port and a trailing slash aside (as the program compares them).</summary>
    private static string Canonical(string url) =>
        url.Trim().TrimEnd('/').ToLowerInvariant().Replace(":443", "", StringComparison.Ordinal);
}
