using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>One resource of a plan document, strictly typed, its type and name checked against its URN.</summary>
internal static class PlanResourceReader
{
    private const int Urn = 0, Type = 1, Name = 2, Custom = 3, Parent = 4, Protect = 5, Region = 6, Provider = 7, Id = 8,
        Dependencies = 9, PropertyDependencies = 10, InputsUnknown = 11, Inputs = 12, Outputs = 13;
    private static readonly FieldSet Fields = FieldSet.Exact("urn", "type", "name", "custom", "parent", "protect", "region", "provider",
        "id", "dependencies", "propertyDependencies", "inputsUnknown", "inputs", "outputs");

    private static readonly ImmutableSortedDictionary<string, ImmutableArray<string>> NoPropertyDependencies =
        ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);

    public static ResourceNode Read(ref JsonCursor c, Review.Values.StandIns sink)
    {
        c.IsObject("a resource object", nullable: false);
        var seen = new FieldSet.Seen();
        string? urn = null, type = null, name = null, parent = null, region = null, provider = null;
        bool custom = false, protect = false, inputsUnknown = false;
        var id = PropertyValue.Null;
        MapValue inputs = MapValue.Empty, outputs = MapValue.Empty;
        var dependencies = ImmutableArray<string>.Empty;
        var propertyDependencies = NoPropertyDependencies;
        while (c.NextProperty())
        {
            var field = c.Field(Fields, ref seen, out var key);
            switch (field)
            {
                case Urn: urn = c.OptionalText("a URN string"); break;
                case Type: type = c.OptionalText("a type token string"); break;
                case Name: name = c.OptionalText("a name string"); break;
                case Parent: parent = c.OptionalText("a parent URN string or null"); break;
                case Region: region = c.OptionalText("a region string or null"); break;
                case Provider: provider = c.OptionalText("a provider reference string or null"); break;
                case Custom: custom = StrictBool(ref c); break;
                case Protect: protect = StrictBool(ref c); break;
                case InputsUnknown: inputsUnknown = StrictBool(ref c); break;
                case Id: id = PlanValueReader.Read(ref c, sink); break;
                case Dependencies: dependencies = ResourceStateReader.StringList(ref c, "a list of URN strings"); break;
                case PropertyDependencies: propertyDependencies = ReadPropertyDependencies(ref c); break;
                case Inputs: inputs = PlanValueReader.ReadMap(ref c, sink); break;
                case Outputs: outputs = PlanValueReader.ReadMap(ref c, sink); break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }
        foreach (var (field, what) in new[] { (Urn, "urn"), (Type, "type"), (Name, "name"), (Custom, "custom") })
            if (!seen.Has(field)) throw c.Source.Error($"a plan resource needs \"{what}\"");
        var parts = UrnParts.TryParse(urn) ?? throw c.Source.Error($"\"{urn}\" is not a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME)");
        if (parts.Type != type || parts.Name != name)
            throw c.Source.Error($"type \"{type}\" and name \"{name}\" are not those of the URN (\"{parts.Type}\", \"{parts.Name}\"); a resource's URN spells both");
        c.Source.Keep(KeptBytes.Resource(type!.Length, name!.Length));
        return new ResourceNode(urn!, type!, name!, custom, id, parent, dependencies, propertyDependencies, provider, region, protect, inputs, outputs)
        {
            InputsUnknown = inputsUnknown,
        };
    }

    /// <summary>Our writer writes true or false; anything else (null, "true", 1) is an edit and refused.</summary>
    public static bool StrictBool(ref JsonCursor c) => c.Token switch
    {
        System.Text.Json.JsonTokenType.True => true,
        System.Text.Json.JsonTokenType.False => false,
        _ => throw c.Expected("true or false"),
    };

    private static ImmutableSortedDictionary<string, ImmutableArray<string>> ReadPropertyDependencies(ref JsonCursor c)
    {
        if (!c.IsObject("an object of input keys to lists of URNs")) return NoPropertyDependencies;
        var result = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        while (c.NextProperty())
        {
            var key = c.Text();
            c.Path.Push(key);
            if (result.ContainsKey(key)) throw c.Source.DuplicateKey(key);
            c.Next();
            result[key] = ResourceStateReader.StringList(ref c, "a list of URN strings");
            c.Path.Pop();
        }
        return result.Count == 0 ? NoPropertyDependencies : result.ToImmutable();
    }
}
