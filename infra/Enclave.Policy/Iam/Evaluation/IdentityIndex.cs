namespace Enclave.Policy.Iam;

/// <summary>
/// The model's groups, dynamic groups and <c>define</c> aliases, indexed so that a statement naming a group by
/// OCID can be matched against a principal known by name (and the reverse).
/// </summary>
internal sealed class IdentityIndex
{
    private readonly IReadOnlyList<IamGroup> _groups;
    private readonly List<(IamDynamicGroup Group, Condition? Rule)> _dynamicGroups;
    private readonly List<(IamPolicy Policy, DefineStatement Define)> _defines;

    public IdentityIndex(IamModel model, PolicySet policies)
    {
        _groups = model.Groups;
        _dynamicGroups = model.DynamicGroups
            .Select(d => (d, d.MatchingRule is null ? null : PolicyParser.ParseCondition(d.MatchingRule).Value))
            .ToList();
        _defines = policies.Statements
            .Where(s => s.Syntax is DefineStatement)
            .Select(s => (s.Policy, (DefineStatement)s.Syntax!))
            .ToList();
    }

    public IReadOnlyList<(IamDynamicGroup Group, Condition? Rule)> DynamicGroups => _dynamicGroups;

    /// <summary>Fills in a group's missing name or OCID from the model, when it has the other.</summary>
    public IamGroup Complete(IamGroup group, bool dynamic)
    {
        if (group.Name is not null && group.Id is not null) return group;
        var known = (dynamic ? _dynamicGroups.Select(d => new IamGroup(d.Group.Name, d.Group.Domain, d.Group.Id)) : _groups)
            .FirstOrDefault(g => group.Id is not null
                ? Same(g.Id, group.Id)
                : Same(g.Name, group.Name) && Same(g.Domain ?? GroupReference.DefaultDomain, group.Domain ?? GroupReference.DefaultDomain));
        return known is null ? group : new IamGroup(group.Name ?? known.Name, group.Name is null ? known.Domain : group.Domain, group.Id ?? known.Id);
    }

    /// <summary>Does the reference name this group? Unknown when the group's name or OCID needed is unknown.</summary>
    public Truth Names(GroupReference reference, IamGroup group)
    {
        var g = Complete(group, reference.IsDynamic);
        // Complete the reference the same way, so that a name can be compared with an OCID through the model.
        var r = Complete(new IamGroup(reference.Name, reference.Domain, reference.Id), reference.IsDynamic);
        if (g.Id is not null && r.Id is not null) return TruthLogic.From(Same(g.Id, r.Id));
        if (g.Name is not null && r.Name is not null)
            return TruthLogic.From(Same(g.Name, r.Name) &&
                Same(g.Domain ?? GroupReference.DefaultDomain, r.Domain ?? GroupReference.DefaultDomain));
        return Truth.Unknown;
    }

    /// <summary>The OCID a <c>define</c> alias stands for: the same policy first, then any policy.</summary>
    public string? Define(DefineKind kind, string alias, IamPolicy policy)
    {
        string? any = null;
        foreach (var (p, d) in _defines)
        {
            if (d.Kind != kind || !Same(d.Alias, alias)) continue;
            if (ReferenceEquals(p, policy)) return d.Ocid;
            any ??= d.Ocid;
        }
        return any;
    }

    public static bool Same(string? a, string? b) => a is not null && b is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
