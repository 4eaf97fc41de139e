using Enclave.Policy.Graph;
namespace Enclave.Policy.Iam;

/// <summary>
/// The model's groups, dynamic groups and <c>define</c> aliases, indexed so that a statement naming a group by
/// OCID can be matched against a principal known by name (and the reverse).
/// </summary>
internal sealed class IdentityIndex
{
    private readonly Directory _groups;
    private readonly Directory _dynamic;
    private readonly List<(IamGroup Group, Condition? Rule)> _dynamicGroups;
    private readonly List<(IamPolicy Policy, DefineStatement Define)> _defines;

    public IdentityIndex(IamModel model, PolicySet policies)
    {
        _groups = new Directory(model.Groups);
        _dynamic = new Directory(model.DynamicGroups.Select(d => new IamGroup(d.Name, d.Domain, d.Id)));
        _dynamicGroups = model.DynamicGroups
            .Select(d => (new IamGroup(d.Name, d.Domain, d.Id), d.MatchingRule is null ? null : PolicyParser.ParseCondition(d.MatchingRule).Value))
            .ToList();
        _defines = [];
        foreach (var s in policies.Statements)
            if (s.Syntax is DefineStatement d) _defines.Add((s.Policy, d));
    }

    /// <summary>The model's dynamic groups with their parsed rules (null when unknown or unreadable).</summary>
    public IReadOnlyList<(IamGroup Group, Condition? Rule)> DynamicGroups => _dynamicGroups;

    /// <summary>Fills in a group's missing name or OCID from the model, when it has the other.</summary>
    public IamGroup Complete(IamGroup group, bool dynamic)
    {
        if (group.Name is not null && group.Id is not null) return group;
        var known = (dynamic ? _dynamic : _groups).Find(group);
        return known is null ? group : new IamGroup(group.Name ?? known.Name, group.Name is null ? known.Domain : group.Domain, group.Id ?? known.Id);
    }

    /// <summary>Groups by OCID and by (domain, name), case-insensitively; the first of duplicates wins.</summary>
    private sealed class Directory
    {
        private readonly Dictionary<string, IamGroup> _byId = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(string Domain, string Name), IamGroup> _byName = new(NameComparer.Instance);

        public Directory(IEnumerable<IamGroup> groups)
        {
            foreach (var g in groups)
            {
                if (g.Id is not null) _byId.TryAdd(g.Id, g);
                if (g.Name is not null) _byName.TryAdd(NameKey(g, g.Name), g);
            }
        }

        public IamGroup? Find(IamGroup group) =>
            group.Id is not null ? _byId.GetValueOrDefault(group.Id)
            : group.Name is not null ? _byName.GetValueOrDefault(NameKey(group, group.Name))
            : null;

        private static (string, string) NameKey(IamGroup g, string name) => (g.Domain ?? GroupReference.DefaultDomain, name);
    }

    /// <summary>(domain, name) pairs compared case-insensitively, as OCI compares them; a lookup builds no string.</summary>
    private sealed class NameComparer : IEqualityComparer<(string Domain, string Name)>
    {
        public static readonly NameComparer Instance = new();

        public bool Equals((string Domain, string Name) x, (string Domain, string Name) y) =>
            string.Equals(x.Domain, y.Domain, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Domain, string Name) key) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Domain), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }

    /// <summary>A reference with its missing name or OCID filled in from the model.</summary>
    public IamGroup Complete(GroupReference reference) =>
        Complete(new IamGroup(reference.Name, reference.Domain, reference.Id), reference.IsDynamic);

    /// <summary>Does the reference name this group? Unknown when the group's name or OCID needed is unknown.</summary>
    public Truth Names(GroupReference reference, IamGroup group) =>
        Compare(Complete(reference), Complete(group, reference.IsDynamic));

    /// <summary>
    /// Compares two completed groups: by OCID when both have one, else by domain and name, else unknown.
    /// </summary>
    public static Truth Compare(IamGroup a, IamGroup b)
    {
        if (a.Id is not null && b.Id is not null) return TruthLogic.Of(Same(a.Id, b.Id));
        if (a.Name is not null && b.Name is not null)
            return TruthLogic.Of(Same(a.Name, b.Name) &&
                Same(a.Domain ?? GroupReference.DefaultDomain, b.Domain ?? GroupReference.DefaultDomain));
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
