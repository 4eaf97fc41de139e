using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Bench.Synthetic;

/// <summary>
/// A synthetic resource as a real deployment records it: the stack as parent, the enclave's own explicit provider
/// (us-ashburn-1) on every custom resource, dependencies and property dependencies for every input that names another
/// resource, and outputs as the OCI provider returns them (the inputs plus computed fields: id, lifecycle state,
/// creation time, Oracle's default tags).
/// </summary>
internal sealed class EngineWiring
{
    private const string ProviderId = "ocid1.oci-us";
    private readonly Dictionary<string, string> _urnById = new(StringComparer.Ordinal);

    public EngineWiring(IReadOnlyList<ResourceNode> nodes, string stack, string project)
    {
        StackUrn = $"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack::{project}-{stack}";
        ProviderReference = $"urn:pulumi:{stack}::{project}::pulumi:providers:oci::oci-us::{ProviderId}";
        foreach (var n in nodes)
            if (n.Id.AsString() is { } id) _urnById.TryAdd(id, n.Urn);
    }

    public string StackUrn { get; }
    public string ProviderReference { get; }

    public ResourceNode Wire(ResourceNode n)
    {
        var isProvider = n.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal);
        var deps = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in n.Inputs.Entries) Collect(k, v, deps);
        return n with
        {
            Parent = n.Type == "pulumi:pulumi:Stack" ? null : StackUrn,
            Provider = n.Custom && !isProvider ? ProviderReference : null,
            Dependencies = [.. deps.Select(d => d.Value)],
            PropertyDependencies = deps.GroupBy(d => d.Key)
                .ToImmutableSortedDictionary(g => g.Key, g => g.Select(d => d.Value).ToImmutableArray(), StringComparer.Ordinal),
            Outputs = n.Custom && !isProvider ? ProviderOutputs(n) : n.Outputs.Count > 0 ? n.Outputs : n.Inputs,
        };
    }

    /// <summary>What the OCI provider returns: the inputs (provider defaults included) plus computed attributes.</summary>
    private static MapValue ProviderOutputs(ResourceNode n)
    {
        var fields = n.Outputs.Fields.SetItems(n.Inputs.Fields);
        if (!fields.ContainsKey("definedTags"))
            fields = fields.SetItem("definedTags", PropertyValue.Map(
                ("Oracle-Tags.CreatedBy", PropertyValue.Of("ocid1.user.oc1..aaaaaaaadeployerbench")),
                ("Oracle-Tags.CreatedOn", PropertyValue.Of("2026-11-20T10:04:12.123Z"))));
        if (!fields.ContainsKey("freeformTags")) fields = fields.SetItem("freeformTags", MapValue.Empty);
        return new MapValue(fields
            .SetItem("id", PropertyValue.Of(n.Id.AsString() ?? ""))
            .SetItem("state", PropertyValue.Of(n.Type.Contains("Database", StringComparison.Ordinal) ? "AVAILABLE" : "ACTIVE"))
            .SetItem("timeCreated", PropertyValue.Of("2026-11-20 10:04:12.123 +0000 UTC")));
    }

    /// <summary>(input key, URN) for every resource whose OCID a top-level input holds, each pair once.</summary>
    private void Collect(string key, PropertyValue v, List<KeyValuePair<string, string>> into)
    {
        switch (v)
        {
            case StringValue s when _urnById.TryGetValue(s.Value, out var urn):
                if (!into.Exists(d => d.Key == key && d.Value == urn)) into.Add(new(key, urn));
                break;
            case ListValue l:
                foreach (var item in l.Items) Collect(key, item, into);
                break;
            case MapValue m:
                foreach (var (_, x) in m.Entries) Collect(key, x, into);
                break;
        }
    }
}
