using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;

namespace Enclave.Policy.Review.Values;

// Values that exist only in reports: what a reviewer reads in place of a value an offline run (or a cloud) assigned.
// Rules never see them (they judge the graph); ValueOrigins makes them from the graph for plans and diffs.

/// <summary>
/// The id (or another output) of a resource of the plan, e.g. <c>network-data.id</c>: printed instead of the id
/// itself, which is a stand-in offline and an opaque OCID in a state. Equal when they name the same output of the
/// same resource within its stack (<see cref="UrnKey"/>), so plans of two stacks or revisions compare by identity.
/// </summary>
public sealed record ReferenceValue(string Urn, string Output) : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;

    public bool Equals(ReferenceValue? other) =>
        other is not null && Output == other.Output && UrnKey.Of(Urn) == UrnKey.Of(other.Urn);

    public override int GetHashCode() => HashCode.Combine(UrnKey.Of(Urn), Output);

    public override string ToString() => $"{ReferenceNames.Name(Urn)}.{Output}";
}

/// <summary>A value a data source answers at preview time (<c>lookup(oci:Core/getServices)</c>); offline it is a stand-in.</summary>
/// <param name="Invoke">The invoke token that answers it.</param>
/// <param name="StandIn">The offline stand-in, kept so a plan document can be judged again exactly; never printed as text.</param>
public sealed record LookupValue(string Invoke, string StandIn) : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;
    public override string ToString() => $"lookup({ReferenceNames.ShortToken(Invoke)})";
}

/// <summary>A date the program derives from the clock, shown as what it asks for: <c>now + 15 days</c>.</summary>
public sealed record TimeValue(int Days) : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;
    public override string ToString() => Days == 0 ? "now" : $"now + {Days} day{(Days == 1 ? "" : "s")}";
}

/// <summary>A value assigned by the cloud to the resource itself (its id, a computed output): known after apply.</summary>
public sealed record ComputedValue : PropertyValue
{
    public static readonly ComputedValue Instance = new();
    public override bool ContainsUnknown => true;
    public override bool ContainsSecret => false;
    public override string ToString() => ValueText.UnknownMarker;
}

/// <summary>
/// A string built from literal text and references (a policy statement naming a compartment by its id):
/// <c>`allow … in compartment id ${tenancy-security.id} where …`</c>.
/// </summary>
/// <param name="Parts"><see cref="StringValue"/>s, <see cref="ReferenceValue"/>s and <see cref="LookupValue"/>s.</param>
public sealed record TemplateValue(ImmutableArray<PropertyValue> Parts) : PropertyValue
{
    public override bool ContainsUnknown => false;
    public override bool ContainsSecret => false;

    public bool Equals(TemplateValue? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in Parts) hash.Add(p);
        return hash.ToHashCode();
    }
}

/// <summary>How references name resources in text: by logical name, with the type when asked or when names clash.</summary>
/// <param name="Types">Always print the type (<c>oci:Core/subnet:Subnet::network-data.id</c>).</param>
/// <param name="Ambiguous">Names several resources of the plan share: printed with their class (<c>Policy::iam-auditors.id</c>).</param>
public sealed record ReferenceStyle(bool Types, IReadOnlySet<string> Ambiguous)
{
    public static readonly ReferenceStyle Default = new(false, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The style for a plan's resources: its clashing names are qualified.</summary>
    public static ReferenceStyle For(IEnumerable<ResourceNode> resources, bool types = false) =>
        new(types, resources.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal));

    public string Name(string urn)
    {
        var name = ReferenceNames.Name(urn);
        if (Types) return $"{ReferenceNames.Type(urn)}::{name}";
        return Ambiguous.Contains(name) ? $"{ReferenceNames.Class(urn)}::{name}" : name;
    }
}

/// <summary>Names, types and classes read from URNs (<c>urn:pulumi:S::P::parent$type::name</c>).</summary>
public static class ReferenceNames
{
    public static string Name(string urn)
    {
        var i = urn.LastIndexOf("::", StringComparison.Ordinal);
        return i < 0 ? urn : urn[(i + 2)..];
    }

    public static string Type(string urn)
    {
        var end = urn.LastIndexOf("::", StringComparison.Ordinal);
        if (end < 0) return urn;
        var start = urn.LastIndexOf("::", end - 1, StringComparison.Ordinal);
        var qualified = urn[(start < 0 ? 0 : start + 2)..end];
        var dollar = qualified.LastIndexOf('$');
        return dollar < 0 ? qualified : qualified[(dollar + 1)..];
    }

    /// <summary>The class name of a type token (<c>Subnet</c> of <c>oci:Core/subnet:Subnet</c>).</summary>
    public static string Class(string urn)
    {
        var type = Type(urn);
        var colon = type.LastIndexOf(':');
        return colon < 0 ? type : type[(colon + 1)..];
    }

    /// <summary>
    /// A type token as Pulumi's own tree display prints it: the module's redundant file part dropped
    /// (<c>oci:Core/subnet:Subnet</c> → <c>oci:Core:Subnet</c>); other tokens unchanged.
    /// </summary>
    public static string ShortToken(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3) return token;
        var slash = parts[1].IndexOf('/');
        if (slash < 0) return token;
        var file = parts[1][(slash + 1)..];
        return string.Equals(file, parts[2], StringComparison.OrdinalIgnoreCase)
            ? $"{parts[0]}:{parts[1][..slash]}:{parts[2]}"
            : token;
    }
}
