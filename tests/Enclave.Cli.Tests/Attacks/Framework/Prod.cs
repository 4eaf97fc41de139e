using System.Text.Json.Nodes;

namespace Enclave.Cli.Tests.Attacks.Framework;

/// <summary>
/// A copy of the prod baseline that one attack (or legitimate change) edits: find a resource by its logical name and
/// change it (<see cref="ResourceEdit"/>), add or remove resources. The writers turn the result into a
/// `pulumi stack export` or a `pulumi preview --json` of the change (<see cref="Artifacts"/>).
/// </summary>
public sealed class Prod
{
    private readonly List<JsonObject> _resources;

    internal Prod(ProdBaseline baseline)
    {
        Baseline = baseline;
        _resources = baseline.Resources.Select(r => (JsonObject)r.DeepClone()).ToList();
    }

    private const string PolicyType = "oci:Identity/policy:Policy";

    public ProdBaseline Baseline { get; }

    /// <summary>`pending_operations` of the export (operations an interrupted update never finished); exports only.</summary>
    public List<JsonObject> PendingOperations { get; } = [];
    public IReadOnlyList<JsonObject> Resources => _resources;

    /// <summary>URNs of resources the change replaces (a preview shows a `replace` step; an export, the successor's new id).</summary>
    public HashSet<string> Replaced { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Write each replacement as `pulumi preview --json --show-replacement-steps` does: `create-replacement`, `replace`
    /// and `delete-replaced` steps, instead of the one `replace` step.
    /// </summary>
    public bool ShowReplacementSteps { get; set; }
    public string Project => Baseline.Project;
    public string StackUrn => $"urn:pulumi:{ProdBaseline.Stack}::{Project}::pulumi:pulumi:Stack::{Project}-{ProdBaseline.Stack}";

    /// <summary>The resource with this logical name (and type token, when names repeat across types).</summary>
    public ResourceEdit Resource(string name, string? type = null)
    {
        var found = _resources.Where(r => NameOf(r) == name && (type is null || TypeOf(r) == type)).ToList();
        // A persona's group and its policy share a name: the policy is what attacks edit, unless the type says otherwise.
        if (found.Count > 1 && type is null && found.Count(r => TypeOf(r) == PolicyType) == 1) found = [found.Single(r => TypeOf(r) == PolicyType)];
        return found.Count switch
        {
            1 => new ResourceEdit(this, found[0]),
            0 => throw new ArgumentException($"prod has no resource named {name}{(type is null ? "" : $" of type {type}")}; names: {string.Join(", ", _resources.Select(NameOf).Order())}"),
            _ => throw new ArgumentException($"prod has {found.Count} resources named {name}; give the type token too"),
        };
    }

    /// <summary>Every resource of a type token.</summary>
    public IEnumerable<ResourceEdit> OfType(string type) =>
        _resources.Where(r => TypeOf(r) == type).Select(r => new ResourceEdit(this, r)).ToList();

    /// <summary>
    /// Adds a custom resource (a new step `create` in a preview): its parent is <paramref name="parent"/>'s (a sibling
    /// of that resource, under the same component and provider) and its inputs are <paramref name="inputs"/>.
    /// </summary>
    public ResourceEdit Add(string type, string name, JsonObject inputs, string sibling, string? id = null)
    {
        var near = Resource(sibling).Json;
        var parent = near["parent"]?.GetValue<string>();
        var parentTypes = parent is null ? "" : QualifiedTypeOf(parent) + "$";
        var urn = $"urn:pulumi:{ProdBaseline.Stack}::{Project}::{parentTypes}{type}::{name}";
        var o = new JsonObject
        {
            ["urn"] = urn,
            ["custom"] = true,
            ["id"] = id ?? $"ocid1.{type.Split('/').Last().Split(':')[0].ToLowerInvariant()}.oc1.iad.attack{StateJson.ProviderId(urn)[..8]}",
            ["type"] = type,
            ["inputs"] = inputs,
            ["outputs"] = inputs.DeepClone(),
            ["parent"] = parent,
            ["provider"] = near["provider"]?.DeepClone(),
            ["dependencies"] = new JsonArray(),
            ["propertyDependencies"] = new JsonObject(),
        };
        _resources.Add(o);
        return new ResourceEdit(this, o);
    }

    /// <summary>
    /// Adds a resource state exactly as given, URN included (e.g. a replaced resource awaiting deletion, which shares
    /// its successor's URN); exports only.
    /// </summary>
    public void AddState(JsonObject state) => _resources.Add(state);

    /// <summary>Deletes a resource (a `delete` step in a preview).</summary>
    public void Remove(string name, string? type = null) => _resources.Remove(Resource(name, type).Json);

    internal static string NameOf(JsonObject r) => UrnName(r["urn"]!.GetValue<string>());
    internal static string TypeOf(JsonObject r) => r["type"]!.GetValue<string>();
    internal static string UrnName(string urn) => urn.Split("::", 4)[3];

    private static string QualifiedTypeOf(string urn) => urn.Split("::", 4)[2];
}
