using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>Which writer produced a resource state, which decides two details of its encoding.</summary>
internal enum StateFlavor
{
    /// <summary><c>ResourceV3</c> of a stack export or checkpoint: secrets are signed objects.</summary>
    State,
    /// <summary>A preview step's old or new state (<c>ResourceV3</c>): secrets are also the string <c>"[secret]"</c>.</summary>
    Preview,
    /// <summary>An engine event's <c>StepEventStateMetadata</c>: as a preview, and <c>custom</c> is left out when false.</summary>
    Event,
}

/// <summary>A resource state with the two flags that take it out of a stack's live graph.</summary>
internal readonly record struct ResourceState(ResourceNode Node, bool Delete, bool External);

/// <summary>
/// Reads one resource state (<c>ResourceV3</c> or <c>StepEventStateMetadata</c>) into a <see cref="ResourceNode"/>.
/// Fields are matched as Go matches them (<see cref="FieldSet"/>) and typed as Go types them: a boolean is true or
/// false (the string <c>"true"</c> or <c>"yes"</c> is refused), an id, URN or provider is a string, lists hold
/// strings. Fields the gate does not use are skipped; the region is filled in later by <see cref="RegionResolver"/>.
/// </summary>
internal static class ResourceStateReader
{
    private const int Urn = 0, Custom = 1, Delete = 2, Id = 3, Type = 4, Inputs = 5, Outputs = 6, Parent = 7, Protect = 8,
        External = 9, Dependencies = 10, Provider = 11, PropertyDependencies = 12;

    private static readonly FieldSet Fields = new("urn", "custom", "delete", "id", "type", "inputs", "outputs", "parent",
        "protect", "external", "dependencies", "provider", "propertyDependencies");

    private static readonly ImmutableSortedDictionary<string, ImmutableArray<string>> NoPropertyDependencies =
        ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);

    /// <param name="urnFallback">The URN to use when the state has none (a preview step names it once, on the step).</param>
    public static ResourceState Read(ref JsonCursor c, StateFlavor flavor, string? urnFallback = null)
    {
        c.IsObject("a resource object", nullable: false);
        var previewSecrets = flavor != StateFlavor.State;
        var seen = new FieldSet.Seen();
        string? urn = null, type = null, parent = null, provider = null;
        bool? custom = null;
        bool delete = false, protect = false, external = false;
        var id = PropertyValue.Null;
        MapValue inputs = MapValue.Empty, outputs = MapValue.Empty;
        var dependencies = ImmutableArray<string>.Empty;
        var propertyDependencies = NoPropertyDependencies;
        ResourceNode? prior = null; // the same resource in a graph loaded before, once the URN is read (PriorValues)
        while (c.NextProperty())
        {
            var field = c.Field(Fields, ref seen, out var key);
            switch (field)
            {
                case Urn:
                    urn = c.OptionalText("a URN string");
                    prior = urn is null ? null : c.Source.Prior?.ByUrn(urn);
                    break;
                case Custom: custom = c.Bool(); break;
                case Delete: delete = c.Bool(); break;
                case Protect: protect = c.Bool(); break;
                case External: external = c.Bool(); break;
                case Type: type = c.OptionalText("a type token string"); break;
                case Parent: parent = c.OptionalText("a parent URN string"); break;
                case Provider: provider = c.OptionalText("a provider reference string (URN::id)"); break;
                case Id: id = ReadId(ref c, previewSecrets); break;
                case Inputs: inputs = PulumiValueReader.ReadMap(ref c, previewSecrets, "an object of input properties", prior: prior?.Inputs); break;
                case Outputs: outputs = PulumiValueReader.ReadMap(ref c, previewSecrets, "an object of output properties", inputs, prior?.Outputs); break;
                case Dependencies: dependencies = StringList(ref c, "a list of URN strings"); break;
                case PropertyDependencies: propertyDependencies = ReadPropertyDependencies(ref c); break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }

        urn ??= urnFallback ?? throw c.Source.Error("resource without a \"urn\"");
        if (!UrnParts.TrySplit(urn, out _, out _, out var qualified, out var name)) throw UrnError(ref c, urn);
        // Pulumi makes the URN from the type: a state where they differ was edited, and judging it as either type would
        // be a guess (an internet gateway's URN over a tag's type would pass as a tag).
        var urnType = urn.AsSpan(qualified);
        urnType = urnType[(urnType.LastIndexOf('$') + 1)..];
        if (type is { Length: > 0 } && !urnType.SequenceEqual(type))
            throw c.Source.Error($"the resource's \"type\" is \"{type}\" but its URN names the type \"{urnType}\"; " +
                                 "Pulumi derives the URN from the type, so the state is refused rather than judged as either");
        var isCustom = custom ?? flavor != StateFlavor.Event;
        if (!isCustom && id.AsString() is { Length: > 0 } known && known != PulumiValues.UnknownSentinel)
            throw c.Source.Error($"\"custom\" is false but the resource has an id (\"{known}\"): only provider-managed resources " +
                                 "have ids, and Pulumi refuses such a state (expected \"custom\": true)");
        c.Source.Keep(KeptBytes.Resource(qualified.GetOffsetAndLength(urn.Length).Length, name.GetOffsetAndLength(urn.Length).Length));
        var resourceName = prior is not null && urn == prior.Urn && urn.AsSpan(name).SequenceEqual(prior.Name) ? prior.Name : urn[name];
        if (prior is not null && urn == prior.Urn) Reuse(prior, ref urn, ref type, ref parent, ref provider, ref id, ref dependencies, ref propertyDependencies);
        var node = new ResourceNode(
            urn, type is { Length: > 0 } ? type : UrnParts.TypeOf(urn, qualified), resourceName, isCustom, id,
            Parent: parent is { Length: > 0 } ? parent : null,
            Dependencies: dependencies,
            PropertyDependencies: propertyDependencies,
            Provider: provider is { Length: > 0 } ? provider : null,
            Region: null,
            Protect: protect,
            Inputs: inputs,
            Outputs: outputs);
        return new ResourceState(node, delete, external);
    }

    /// <summary>The earlier graph's instances of what reads the same (<see cref="PriorValues"/>).</summary>
    private static void Reuse(ResourceNode prior, ref string urn, ref string? type, ref string? parent, ref string? provider,
        ref PropertyValue id, ref ImmutableArray<string> dependencies, ref ImmutableSortedDictionary<string, ImmutableArray<string>> propertyDependencies)
    {
        urn = prior.Urn;
        type = PriorValues.Text(type, prior.Type);
        parent = PriorValues.Text(parent, prior.Parent);
        provider = PriorValues.Text(provider, prior.Provider);
        id = PriorValues.Value(id, prior.Id);
        dependencies = PriorValues.Urns(dependencies, prior.Dependencies);
        propertyDependencies = PriorValues.Dependencies(propertyDependencies, prior.PropertyDependencies);
    }

    private static ArtifactLoadException UrnError(ref JsonCursor c, string urn)
    {
        c.Path.Push("urn");
        var error = c.Source.Error($"\"{urn}\" is not a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME)");
        c.Path.Pop();
        return error;
    }

    /// <summary>An id is a string (Go's <c>resource.ID</c>); empty means none, the sentinel means not known yet.</summary>
    private static PropertyValue ReadId(ref JsonCursor c, bool previewSecrets)
    {
        if (c.Token == JsonTokenType.Null) return PropertyValue.Null;
        if (c.Token != JsonTokenType.String) throw c.Expected("an id string");
        var id = PulumiValueReader.Read(ref c, previewSecrets);
        return id is StringValue { Value.Length: 0 } ? PropertyValue.Null : id;
    }

    public static ImmutableArray<string> StringList(ref JsonCursor c, string what)
    {
        if (!c.IsList(what)) return ImmutableArray<string>.Empty;
        // Gathered on the source's scratch and copied out once at its exact size (no builder per list).
        var texts = c.Source.Texts;
        var start = texts.Count;
        c.Path.Push(0);
        while (c.NextItem())
        {
            c.Path.SetIndex(texts.Count - start);
            texts.Push(c.Token == JsonTokenType.String ? c.Text() : throw c.Expected("a string"));
        }
        c.Path.Pop();
        var list = texts.Count == start ? ImmutableArray<string>.Empty : c.Source.Values.Urns(texts.From(start));
        texts.Truncate(start);
        return list;
    }

    private static ImmutableSortedDictionary<string, ImmutableArray<string>> ReadPropertyDependencies(ref JsonCursor c)
    {
        if (!c.IsObject("an object of input keys to lists of URNs")) return NoPropertyDependencies;
        // Gathered on the source's scratch, then one dictionary shared by every resource whose dependencies are the
        // same (ValuePool): most resources of a compartment name the same compartment, VCN and key.
        var entries = c.Source.Dependencies;
        var start = entries.Count;
        HashSet<string>? keys = null; // beyond a few keys, duplicates are found by hash rather than by scanning
        while (c.NextProperty())
        {
            var key = c.Text();
            c.Path.Push(key);
            if (IsDuplicate(entries.From(start), key, ref keys)) throw c.Source.DuplicateKey(key);
            c.Next();
            entries.Push(new(key, StringList(ref c, "a list of URN strings")));
            c.Path.Pop();
        }
        var result = entries.Count == start ? NoPropertyDependencies : c.Source.Values.PropertyDependencies(entries.From(start));
        entries.Truncate(start);
        return result;
    }

    private static bool IsDuplicate(ReadOnlySpan<KeyValuePair<string, ImmutableArray<string>>> read, string key, ref HashSet<string>? keys)
    {
        if (keys is null && read.Length < 8)
        {
            foreach (var (k, _) in read)
                if (k == key) return true;
            return false;
        }
        if (keys is null)
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (k, _) in read) keys.Add(k);
        }
        return !keys.Add(key);
    }
}
