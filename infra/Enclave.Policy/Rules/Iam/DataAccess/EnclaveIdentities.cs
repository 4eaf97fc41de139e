using System.Text.RegularExpressions;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Iam;
using Enclave.Policy.Network;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>
/// The allow-list of who may reach the enclave's data, read from the stack's config and resources: the declared
/// personas (domain-qualified), the stack's own compartments, resources, dynamic groups and network sources, the log
/// archive buckets, and the service principals the enclave uses (Object Storage of an allowed US region, Cloud
/// Guard). Each "is this one of ours?" answer is three-valued: an id or name the stack has not decided yet may be.
/// </summary>
public sealed partial class EnclaveIdentities
{
    public const string DynamicGroupType = "oci:Identity/dynamicGroup:DynamicGroup";
    public const string NetworkSourceType = "oci:Identity/networkSource:NetworkSource";
    public const string UserType = "oci:Identity/user:User";

    private readonly ResourceGraph _graph;
    private readonly PolicyContext _policy;
    private readonly (Persona Persona, string Name, string Domain)[] _personas;
    private readonly KnownStrings _compartments = new();
    private readonly KnownStrings _personaGroupIds = new();
    private readonly KnownStrings _networkSources = new();
    private readonly KnownStrings _auditorNetworks = new();
    private readonly KnownStrings _archiveBuckets = new();
    private readonly KnownStrings _breakGlassUsers = new();
    private readonly bool _someIdUnknown;
    private readonly Dictionary<GroupReference, (Truth, string)> _dynamicGroups = [];

    /// <summary>Standings already made, by subject part (group reference, service name, any-user/any-group) and pin verdict.</summary>
    internal Dictionary<(object Part, Truth Pinned), SubjectStanding> Standings { get; } = [];
    private IReadOnlyList<(string Variable, Func<string, Truth> Allowed)>? _principalPins;

    public EnclaveIdentities(ResourceGraph graph, PolicyContext policy)
    {
        _graph = graph;
        _policy = policy;
        _personas = [.. Configured(Persona.Gatekeeper, policy.GatekeeperGroup), .. Configured(Persona.Operator, policy.OperatorGroup),
            .. Configured(Persona.Auditor, policy.AuditorGroup), .. Configured(Persona.StorageAdmin, policy.StorageAdminGroup)];
        foreach (var c in graph.OfType(OciTypes.Compartment)) _compartments.Add(c.Id.AsString());
        foreach (var g in graph.OfType(OciTypes.Group))
        {
            // A group whose name is not known yet may be a persona's: its id is then only "may be".
            if (g.Input("name").AsString() is not { } name) _personaGroupIds.Add(null);
            else if (PersonaNamed(name, GroupReference.DefaultDomain) is not null) _personaGroupIds.Add(g.Id.AsString());
        }
        foreach (var n in graph.OfType(NetworkSourceType))
        {
            AddNetworkInside(n, policy.GatekeeperCidrs, _networkSources);
            AddNetworkInside(n, policy.AuditorCidrs, _auditorNetworks);
        }
        foreach (var c in graph.OfType(OciTypes.Connector))
        {
            var bucket = c.Input("target")["bucket"];
            if (!bucket.IsNull) _archiveBuckets.Add(bucket.AsString());
        }
        foreach (var n in graph.Resources)
            if (n.Custom && !n.Id.IsKnown) _someIdUnknown = true;
        // Break-glass users are allow-listed identities too (config breakGlass): by OCID, or the stack's user of that name.
        var breakGlass = policy.Identity.Users.Select(u => u.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var u in policy.Identity.Users)
            if (u.Ocid is not null) _breakGlassUsers.Add(u.Ocid);
        foreach (var u in graph.OfType(UserType))
            if (u.Input("name").AsString() is { } name && breakGlass.Contains(name)) _breakGlassUsers.Add(u.Id.AsString());
    }

    /// <summary>The persona a group reference names (domain-qualified; by OCID through the stack's own groups), or null.</summary>
    public Persona? PersonaOf(GroupReference r)
    {
        if (r.IsDynamic) return null;
        if (r.Name is not null) return PersonaNamed(r.Name, r.EffectiveDomain);
        // By OCID: only a group this stack declares (Default domain) can be told to be a persona.
        return r.Id is not null && _graph.ById(r.Id) is { } node && node.IsType(OciTypes.Group) && node.Input("name").AsString() is { } name
            ? PersonaNamed(name, GroupReference.DefaultDomain)
            : null;
    }

    /// <summary>The configured name of a persona group, as a statement would write it.</summary>
    public string? Display(Persona persona) =>
        _personas.FirstOrDefault(p => p.Persona == persona) is { Name: not null } p ? $"{p.Domain}/{p.Name}" : null;

    /// <summary>Is this an OCID of one of the stack's compartments (never the tenancy itself)?</summary>
    public Truth IsEnclaveCompartment(string id) => _compartments.Contains(id);

    /// <summary>Is this the OCID of a resource the stack declares?</summary>
    public Truth IsEnclaveResource(string id) =>
        _graph.ById(id) is { Custom: true } ? Truth.True : _someIdUnknown ? Truth.Unknown : Truth.False;

    /// <summary>Is this the OCID of a break-glass user of the stack config?</summary>
    public Truth IsBreakGlassUser(string id) => _breakGlassUsers.Contains(id);

    /// <summary>Is this the OCID of a persona group the stack declares?</summary>
    public Truth IsPersonaGroupId(string id) => _personaGroupIds.Contains(id);

    /// <summary>
    /// A network source of the stack is a gatekeeper (auditor) network when it lists public ranges only, each inside the
    /// configured gatekeeper (auditor) CIDRs: another persona's network source is not. A source whose name or ranges
    /// are not known yet may be one.
    /// </summary>
    private static void AddNetworkInside(ResourceNode source, IEnumerable<string> cidrs, KnownStrings networks)
    {
        var name = source.Input("name");
        var lists = source.Input("publicSourceLists");
        var virtuals = source.Input("virtualSourceLists");
        if (!name.IsKnown || !lists.IsKnown || !virtuals.IsKnown || lists.ContainsUnknown || lists.ContainsSecret)
        {
            networks.Add(null);
            return;
        }
        var allowed = new List<Cidr>();
        foreach (var c in cidrs)
            if (Cidr.TryParse(c, out var cidr)) allowed.Add(cidr);
        var ranges = lists.AsList();
        var inside = ranges.Length > 0 && virtuals.AsList().Length == 0 && ranges.All(r =>
            Cidr.TryParse(r.AsString(), out var range) && allowed.Any(g => g.Contains(range)));
        if (inside && name.AsString() is { } text) networks.Add(text);
    }

    /// <summary>Is this the name of one of the stack's gatekeeper network sources?</summary>
    public Truth IsGatekeeperNetwork(string name) => _networkSources.Contains(name);

    /// <summary>Is this the name of one of the stack's auditor network sources (inside the configured auditor CIDRs)?</summary>
    public Truth IsAuditorNetwork(string name) => _auditorNetworks.Contains(name);

    /// <summary>Is this the name of a bucket the stack's Service Connectors archive logs to?</summary>
    public Truth IsArchiveBucket(string name) => _archiveBuckets.Contains(name);

    /// <summary>
    /// Is this a service principal of the enclave: Object Storage of an allowed US region, or a service named in
    /// <see cref="PolicyContext.AllowedServices"/>? Null when allowed, else why not.
    /// </summary>
    public string? ServiceProblem(string name)
    {
        if (RegionOfService(name) is { } region)
            return _policy.AllowedRegions.Contains(region, StringComparer.OrdinalIgnoreCase)
                ? Allowed(name) ? null : $"service {name} is not one of the enclave's service principals"
                : $"service {name} acts for region {region}, outside the allowed regions ({string.Join(", ", _policy.AllowedRegions)})";
        return _policy.AllowedServices.Contains(name, StringComparer.OrdinalIgnoreCase) ? null
            : $"service {name} is not one of the enclave's service principals ({string.Join(", ", AllowedServiceNames())})";
    }

    private bool Allowed(string regional) => RegionalService().Match(regional) is { Success: true } m
        && _policy.AllowedRegionalServices.Contains(m.Groups["base"].Value, StringComparer.OrdinalIgnoreCase);

    private IEnumerable<string> AllowedServiceNames() =>
        _policy.AllowedServices.Concat(_policy.AllowedRegionalServices.Select(s => $"{s}-<allowed region>"));

    /// <summary>The region a regional service principal acts for (<c>objectstorage-us-ashburn-1</c>), or null.</summary>
    public static string? RegionOfService(string name) =>
        RegionalService().Match(name) is { Success: true } m ? m.Groups["region"].Value : null;

    [GeneratedRegex(@"^(?<base>[a-z0-9]+(?:-[a-z0-9]+)*?)-(?<region>[a-z]{2}(?:-[a-z]+)+-[0-9]+)\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RegionalService();

    /// <summary>
    /// Is a dynamic group one of the stack's, matching only its resources (rule ENC-IAM-010)? True only for a
    /// dynamic group the stack declares whose matching rule pins the resource's compartment or id to the enclave.
    /// </summary>
    public (Truth Allowed, string Why) DynamicGroup(GroupReference r)
    {
        if (!_dynamicGroups.TryGetValue(r, out var known)) _dynamicGroups[r] = known = FindDynamicGroup(r);
        return known;
    }

    private (Truth Allowed, string Why) FindDynamicGroup(GroupReference r)
    {
        foreach (var node in _graph.OfType(DynamicGroupType))
        {
            var named = r.Id is not null
                ? node.Id.Test(v => string.Equals(v.AsString(), r.Id, StringComparison.OrdinalIgnoreCase))
                : string.Equals(r.EffectiveDomain, GroupReference.DefaultDomain, StringComparison.OrdinalIgnoreCase)
                    ? node.Input("name").Test(v => string.Equals(v.AsString(), r.Name, StringComparison.OrdinalIgnoreCase))
                    : Truth.False;
            if (named == Truth.False) continue;
            var pinned = MatchesOnlyEnclave(node.Input("matchingRule"), out var why);
            return (named.And(pinned), why);
        }
        return (Truth.False, $"dynamic-group {Describe(r)} is not declared by this stack");
    }

    /// <summary>The request variables that pin a statement's principal to the enclave's own identities.</summary>
    public IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> PrincipalPins => _principalPins ??=
    [
        ("request.principal.compartment.id", IsEnclaveCompartment),
        ("request.principal.id", id => IsEnclaveResource(id).Or(IsBreakGlassUser(id))),
        ("request.user.id", IsBreakGlassUser), ("request.groups.id", IsPersonaGroupId),
    ];

    public static string Describe(GroupReference r) =>
        r.Id is not null ? $"id {r.Id}" : r.Domain is null ? r.Name ?? "" : $"{r.Domain}/{r.Name}";

    private Persona? PersonaNamed(string name, string domain)
    {
        foreach (var p in _personas)
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Domain, domain, StringComparison.OrdinalIgnoreCase))
                return p.Persona;
        return null;
    }

    /// <summary>A configured group (<c>Name</c> or <c>Domain/Name</c>), in the stack's identity domain when it names none.</summary>
    private IEnumerable<(Persona, string, string)> Configured(Persona persona, string configured)
    {
        if (configured.Length == 0) yield break;
        var slash = configured.IndexOf('/');
        yield return slash > 0
            ? (persona, configured[(slash + 1)..], configured[..slash])
            : (persona, configured, _policy.IdentityDomain ?? GroupReference.DefaultDomain);
    }
}
