using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam.Reach;

/// <summary>
/// The enclave's compartments by what they hold (log archive, user data, databases), from the resources of the state
/// or preview, and the compartments a statement's location reaches (the compartment and every one below it). A place
/// is an allow-list: a location reaches only allowed compartments, or the statement goes beyond its row.
/// </summary>
internal sealed class Places
{
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _archive = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _userData = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _database = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when some bucket or database has a compartment or name not known until deploy.</summary>
    private readonly bool _uncertain;

    public Places(ResourceGraph graph, IamView view, EnclaveIdentities ids)
    {
        foreach (var c in graph.OfType(OciTypes.Compartment))
        {
            var key = c.Id.AsString() ?? c.Urn;
            if (c.Input("name").AsString() is { } name) _names[key] = name;
            if (view.CompartmentKeyOf(c) is { } parent)
            {
                if (!_children.TryGetValue(parent, out var list)) _children[parent] = list = [];
                list.Add(key);
            }
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
        foreach (var d in graph.OfType(OciTypes.AutonomousDatabase))
        {
            if (view.CompartmentKeyOf(d) is { } key) _database.Add(key);
            else _uncertain = true;
        }
    }

    /// <summary>Does <paramref name="location"/> (of a policy attached to <paramref name="attachment"/>) reach only <paramref name="place"/>?</summary>
    public (Truth Within, string? Why) Within(Location location, string? attachment, Place place)
    {
        if (place == Place.Enclave) return (Truth.True, null);  // ENC-IAM-050 keeps grants inside the enclave
        var allowed = place switch { Place.Archive => _archive, Place.UserData => _userData, _ => _database };
        var start = location switch
        {
            CompartmentIdLocation id => id.Id,
            CompartmentPathLocation path => Resolve(attachment, path),
            _ => null,
        };
        if (location is TenancyLocation)
            return (Truth.False, $"it reaches the whole tenancy, not only the {Describe(place)}");
        if (start is null)
            return location is CompartmentPathLocation
                ? (Truth.Unknown, $"its compartment path cannot be resolved, so it may reach beyond the {Describe(place)}")
                : (Truth.False, $"it reaches beyond the {Describe(place)}");
        foreach (var c in Below(start))
            if (!allowed.Contains(c))
                return (_uncertain ? Truth.Unknown : Truth.False,
                    $"it reaches compartment {_names.GetValueOrDefault(c) ?? c}, which is not one of the {Describe(place)}");
        return (Truth.True, null);
    }

    private string? Resolve(string? attachment, CompartmentPathLocation path)
    {
        var at = attachment;
        foreach (var name in path.Path)
        {
            if (at is null || !_children.TryGetValue(at, out var kids)) return null;
            var match = kids.Where(k => string.Equals(_names.GetValueOrDefault(k), name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count != 1) return null;
            at = match[0];
        }
        return at;
    }

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
        Place.Database => "compartments of the databases",
        _ => "enclave's compartments",
    };
}
