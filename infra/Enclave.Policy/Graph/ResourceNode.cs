using System.Collections.Immutable;

namespace Enclave.Policy.Graph;

/// <summary>
/// One resource of a stack, in the neutral form every loader produces and every rule reads.
/// </summary>
/// <param name="Urn">Engine-form URN: <c>urn:pulumi:STACK::PROJECT::parentTypes$type::name</c>.</param>
/// <param name="Type">Type token, e.g. <c>oci:Core/subnet:Subnet</c>, or a component type.</param>
/// <param name="Name">Logical name.</param>
/// <param name="Custom">True for provider-managed resources, false for components and the stack.</param>
/// <param name="Id">Provider id when known (<see cref="PropertyValue.Unknown"/> until created).</param>
/// <param name="Parent">Parent URN (null for the stack).</param>
/// <param name="Dependencies">URNs this resource depends on.</param>
/// <param name="PropertyDependencies">Per top-level input key, the URNs its value came from. Rules use it to
/// correlate resources when an id is not known yet (a preview of new resources).</param>
/// <param name="Provider">Provider reference (<c>providerUrn::providerId</c>) when known.</param>
/// <param name="Region">Region the resource is deployed to (its provider's region), when known.</param>
/// <param name="Protect">Whether <c>protect</c> is set (deletion refused by the engine).</param>
/// <param name="Inputs">Inputs by wire name.</param>
/// <param name="Outputs">Outputs by wire name (empty when the artifact has none).</param>
public sealed record ResourceNode(
    string Urn,
    string Type,
    string Name,
    bool Custom,
    PropertyValue Id,
    string? Parent,
    ImmutableArray<string> Dependencies,
    ImmutableSortedDictionary<string, ImmutableArray<string>> PropertyDependencies,
    string? Provider,
    string? Region,
    bool Protect,
    MapValue Inputs,
    MapValue Outputs)
{
    /// <summary>
    /// True when the artifact did not say what the inputs are (a trimmed preview step with neither old nor new
    /// state): every input that is not listed reads as <see cref="PropertyValue.Unknown"/>, so rules answer
    /// "undetermined" rather than judging an absent value.
    /// </summary>
    public bool InputsUnknown { get; init; }

    /// <summary>Input by wire name, falling back to the output of the same name (e.g. a computed id list).</summary>
    public PropertyValue this[string key] =>
        Inputs.TryGetValue(key, out var v) ? v : Outputs.TryGetValue(key, out var o) ? o
        : InputsUnknown ? PropertyValue.Unknown : PropertyValue.Null;

    /// <summary>
    /// The value the program gave input <paramref name="key"/>: the input when set; else, for a trimmed preview step,
    /// <see cref="PropertyValue.Unknown"/>; else the output of the same name when it is known (state shows provider
    /// defaults there); else <see cref="PropertyValue.Null"/>. Unlike the indexer, an output that is merely not
    /// computed yet (a preview) does not make an input the program never set look undecided.
    /// </summary>
    public PropertyValue Input(string key) =>
        Inputs.TryGetValue(key, out var v) ? v
        : InputsUnknown ? PropertyValue.Unknown
        : Outputs.TryGetValue(key, out var o) && o is not UnknownValue ? o
        : PropertyValue.Null;

    public bool IsType(string token) => string.Equals(Type, token, StringComparison.Ordinal);

    /// <summary>The top-level input keys whose values came from <paramref name="urn"/>.</summary>
    public bool InputDependsOn(string key, string urn) =>
        PropertyDependencies.TryGetValue(key, out var urns) && urns.Contains(urn);

    public string Type { get; init { field = value; Label = LabelOf(value, Name); } } = Type;

    private string? _region = Region;

    /// <summary>Region the resource is deployed to (its provider's region), when known.</summary>
    public string? Region { get => _region; init => _region = value; }

    /// <summary>
    /// Sets <see cref="Region"/> on a node a loader has just made and no one else holds yet (a state's nodes): a copy
    /// per resource only to set it was 200k record copies for a 200k-resource state.
    /// </summary>
    internal void ResolveRegion(string? region) => _region = region;

    public string Name { get; init { field = value; Label = LabelOf(Type, value); } } = Name;

    /// <summary>
    /// A short label for reports: <c>type::name</c>. Made once per node, not per message: rules put it in hundreds
    /// of thousands of findings. A <c>with</c> that changes the type or name makes it anew (the init accessors).
    /// </summary>
    public string Label { get; private init; } = LabelOf(Type, Name);

    private static string LabelOf(string? type, string? name) => string.Concat(type, "::", name);

    public static ResourceNode Create(string urn, string type, string name, bool custom = true, MapValue? inputs = null,
        string? parent = null, bool protect = false, PropertyValue? id = null, string? region = null) =>
        new(urn, type, name, custom, id ?? PropertyValue.Null, parent, ImmutableArray<string>.Empty,
            ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal),
            null, region, protect, inputs ?? MapValue.Empty, MapValue.Empty);
}
