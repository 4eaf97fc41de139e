using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam.Reach;

/// <summary>
/// The enclave's compartments by the buckets they hold (log archive or user data), from the resources of the state or
/// preview, and the compartments a statement's location reaches (the compartment and every one below it; the
/// tenancy reaches all). A location stays within a place when every compartment it reaches that holds a bucket holds
/// only the place's buckets. The whole state is judged at every change, so a bucket added later to a compartment a
/// grant reaches fails that grant then; a bucket whose compartment or name is not known yet leaves it undetermined.
/// </summary>
internal sealed class Places
{
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _archive = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _userData = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _holders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The keys of the stack's own compartments (its OCID when known, else its URN).</summary>
    private readonly HashSet<string> _declared = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The OCIDs of the stack's compartments that are known (what <c>compartment id</c> can name).</summary>
    private readonly HashSet<string> _ids = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A compartment's key by its URN: a policy may name its compartment by reference, the tree keys it by OCID.</summary>
    private readonly Dictionary<string, string> _keyOfUrn = new(StringComparer.Ordinal);

    /// <summary>
    /// The compartments whose parent is not known (its reference unresolved or unknown until deploy): each may be a
    /// child of any compartment, so a path cannot be said to miss a name one of them may have.
    /// </summary>
    private readonly List<string> _floating = [];

    /// <summary>True when some bucket or database has a compartment or name not known until deploy.</summary>
    private readonly bool _uncertain;

    /// <summary>Charged per compartment a location is followed into (`enclave access`; the gate runs unbounded).</summary>
    private readonly EvaluationBudget? _budget;

    public Places(ResourceGraph graph, IamView view, EnclaveIdentities ids, EvaluationBudget? budget = null)
    {
        _budget = budget;
        // A compartment is keyed by its OCID when known, else by its URN; a child may name its parent either way (a
        // known id, or a reference recorded as the parent's URN), so both spellings lead to the parent's key.
        var compartments = graph.OfType(OciTypes.Compartment).ToList();
        var keyOfUrn = _keyOfUrn;
        foreach (var c in compartments) keyOfUrn.TryAdd(c.Urn, c.Id.AsString() ?? c.Urn);
        foreach (var c in compartments)
        {
            var key = c.Id.AsString() ?? c.Urn;
            _declared.Add(key);
            if (c.Id.AsString() is { } ocid) _ids.Add(ocid);
            if (c.Input("name").AsString() is { } name) _names[key] = name;
            if (view.CompartmentKeyOf(c) is { } named)
            {
                var parent = keyOfUrn.GetValueOrDefault(named) ?? named;
                if (!_children.TryGetValue(parent, out var list)) _children[parent] = list = [];
                list.Add(key);
            }
            else _floating.Add(key);
        }
        var archiveHolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var userHolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var b in graph.OfType(OciTypes.Bucket))
        {
            var key = view.CompartmentKeyOf(b);
            var archive = b.Input("name").AsString() is { } name ? ids.IsArchiveBucket(name) : Truth.Unknown;
            if (key is null || archive == Truth.Unknown) { _uncertain = true; continue; }
            (archive == Truth.True ? archiveHolders : userHolders).Add(key);
        }
        _archive.UnionWith(archiveHolders.Except(userHolders, StringComparer.OrdinalIgnoreCase));
        _userData.UnionWith(userHolders.Except(archiveHolders, StringComparer.OrdinalIgnoreCase));
        _holders.UnionWith(archiveHolders);
        _holders.UnionWith(userHolders);
    }

    /// <summary>Does <paramref name="location"/> (of a policy attached to <paramref name="attachment"/>) reach only <paramref name="place"/>?</summary>
    public (Truth Within, string? Why) Within(Location location, string? attachment, Place place)
    {
        if (place == Place.Enclave) return (Truth.True, null);  // ENC-IAM-050 keeps grants inside the enclave
        var allowed = place == Place.Archive ? _archive : _userData;
        IEnumerable<string> reached;
        switch (location)
        {
            case TenancyLocation:
                reached = _holders;  // every compartment, the root included: only those holding buckets matter
                break;
            case CompartmentIdLocation id when _declared.Contains(id.Id):
                reached = Below(id.Id);
                break;
            case CompartmentIdLocation id:
                // Not a compartment of the stack: the tenancy itself (`compartment id ocid1.tenancy…` is the root), or
                // any compartment above the enclave, whose ancestry the state does not hold; either reaches every
                // compartment below it, so it is judged as the tenancy is.
                foreach (var c in _holders)
                {
                    _budget?.Spend();
                    if (!allowed.Contains(c))
                        return (_uncertain ? Truth.Unknown : Truth.False,
                            $"compartment id {id.Id} is not one of the stack's compartments: it may be the tenancy or a compartment above the enclave, and so reach compartment {_names.GetValueOrDefault(c) ?? c}, which is not one of the {Describe(place)}");
                }
                return (Truth.True, null);
            case CompartmentPathLocation path:
                var (start, undeclared) = Resolve(attachment, path);
                if (start is not null)
                {
                    reached = Below(start);
                    break;
                }
                // Every name along the way is known and none is the path's: it names a compartment the stack does not
                // declare, one made outside the enclave (a preview knows the stack's names as well as a state does).
                return undeclared is { } missing
                    ? (Truth.False, $"its compartment path names {missing}, a compartment the stack does not declare, so it reaches beyond the {Describe(place)}")
                    : (Truth.Unknown, $"its compartment path cannot be resolved, so it may reach beyond the {Describe(place)}");
            default:
                return (Truth.False, $"it reaches beyond the {Describe(place)}");
        }
        foreach (var c in reached)
        {
            _budget?.Spend();
            if (_holders.Contains(c) && !allowed.Contains(c))
                return (_uncertain ? Truth.Unknown : Truth.False,
                    $"it reaches compartment {_names.GetValueOrDefault(c) ?? c}, which is not one of the {Describe(place)}");
        }
        return (Truth.True, null);
    }

    /// <summary>
    /// Does <paramref name="location"/> (of a policy attached to <paramref name="attachment"/>) stay among the stack's
    /// own compartments? A compartment path is resolved from the policy's compartment, as OCI resolves it: its last name
    /// alone says nothing (a policy in the root naming <c>security-cmp</c> names a root-level compartment of that name,
    /// which the parent company may own). A path that cannot be resolved (the policy's compartment unknown, an unknown
    /// name on the way) is undetermined.
    /// </summary>
    public (Truth Within, string? Why) InEnclave(Location location, string? attachment)
    {
        switch (location)
        {
            case CompartmentIdLocation id:
                return _ids.Contains(id.Id) ? (Truth.True, null) : (Truth.False, $"compartment id {id.Id}, no compartment of the stack");
            case CompartmentPathLocation { Path.Count: 0 }:
                return (Truth.False, "an empty compartment path");
            case CompartmentPathLocation path:
                var (start, undeclared) = Resolve(attachment, path);
                var named = $"compartment {string.Join(':', path.Path)}";
                return start is not null ? (Truth.True, null)
                    : undeclared is { } missing
                        ? (Truth.False, $"{named}, which read from the policy's own compartment (as OCI reads a path, not by its last name) names {missing}, no compartment of the stack")
                        : (Truth.Unknown, $"{named}, which cannot be resolved from the policy's own compartment (unknown until deploy) and so may name a compartment outside the enclave");
            case TenancyLocation:
                return (Truth.False, "the tenancy");
            default:
                return (Truth.False, "another tenancy");
        }
    }

    /// <summary>
    /// The compartment <paramref name="path"/> names from <paramref name="attachment"/>; else, when it certainly names
    /// none of the stack's, the name it misses. Certainly: no child of that name where every child's name is known, and
    /// no compartment whose parent is unknown has that name or an unknown one (it may be that child). A path with an
    /// unknown name on the way is undetermined, never undeclared.
    /// </summary>
    private (string? Key, string? Undeclared) Resolve(string? attachment, CompartmentPathLocation path)
    {
        var at = attachment is null ? null : _keyOfUrn.GetValueOrDefault(attachment) ?? attachment;
        foreach (var name in path.Path)
        {
            if (at is null) return (null, null);
            var kids = _children.GetValueOrDefault(at) ?? [];
            _budget?.Spend(1 + kids.Count);
            var match = kids.Where(k => Named(k, name)).ToList();
            if (match.Count != 1)
                return (null, match.Count == 0 && kids.All(_names.ContainsKey) && !_floating.Any(f => !_names.ContainsKey(f) || Named(f, name)) ? name : null);
            at = match[0];
        }
        return (at, null);
    }

    private bool Named(string key, string name) => string.Equals(_names.GetValueOrDefault(key), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The compartment and every one below it (the tree is the graph's; a cycle stops at a seen node).</summary>
    private IEnumerable<string> Below(string key)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<string>([key]);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            if (!seen.Add(c)) continue;
            yield return c;
            foreach (var child in _children.GetValueOrDefault(c) ?? []) stack.Push(child);
        }
    }

    private static string Describe(Place place) => place switch
    {
        Place.Archive => "compartments of the log archive",
        Place.UserData => "compartments of the user-data buckets",
        _ => "enclave's compartments",
    };
}
