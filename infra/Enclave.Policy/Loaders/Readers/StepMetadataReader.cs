using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// Reads the body of a <c>resourcePreEvent</c> or <c>resOutputsEvent</c> (<c>{"metadata": StepEventMetadata,
/// "planning"}</c>) into a <see cref="PreviewStep"/>: <c>keys</c> are the replace reasons, <c>diffs</c> the diff
/// reasons, and <c>detailedDiff</c> entries name their kind <c>diffKind</c>.
/// </summary>
internal static class StepMetadataReader
{
    private static readonly FieldSet BodyFields = new("metadata", "planning");
    private const int Op = 0, Urn = 1, Old = 2, New = 3, Keys = 4, Diffs = 5, DetailedDiff = 6, Provider = 7;
    private static readonly FieldSet MetadataFields = new("op", "urn", "old", "new", "keys", "diffs", "detailedDiff", "provider");

    public static (PreviewStep Step, bool Planning) Read(ref JsonCursor c)
    {
        c.IsObject("a step event object {\"metadata\", \"planning\"}", nullable: false);
        var seen = new FieldSet.Seen();
        PreviewStep? step = null;
        var planning = false;
        while (c.NextProperty())
        {
            var field = c.Field(BodyFields, ref seen, out var key);
            if (field == 0) step = ReadMetadata(ref c);
            else if (field == 1) planning = c.Bool();
            else c.Skip();
            c.Path.Pop();
        }
        return (step ?? throw c.Source.Error("a step event without \"metadata\""), planning);
    }

    private static PreviewStep ReadMetadata(ref JsonCursor c)
    {
        c.IsObject("a step metadata object", nullable: false);
        var seen = new FieldSet.Seen();
        string? op = null, urn = null, provider = null;
        ResourceNode? oldState = null, newState = null;
        var keys = ImmutableArray<string>.Empty;
        var diffs = ImmutableArray<string>.Empty;
        ImmutableSortedDictionary<string, PropertyDiff>? detailed = null;
        while (c.NextProperty())
        {
            var field = c.Field(MetadataFields, ref seen, out var key);
            switch (field)
            {
                case Op: op = c.OptionalText("an operation string"); break;
                case Urn: urn = c.OptionalText("a URN string"); break;
                case Provider: provider = c.OptionalText("a provider reference string (URN::id)"); break;
                case Old: oldState = State(ref c, urn); break;
                case New: newState = State(ref c, urn); break;
                case Keys: keys = ResourceStateReader.StringList(ref c, "a list of property names"); break;
                case Diffs: diffs = ResourceStateReader.StringList(ref c, "a list of property names"); break;
                case DetailedDiff: detailed = PreviewReader.ReadDetailedDiff(ref c, "diffKind"); break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }
        if (op is null) throw c.Source.Error("step metadata without \"op\"");
        urn ??= newState?.Urn ?? oldState?.Urn ?? throw c.Source.Error("step metadata without \"urn\"");
        return PreviewReader.StepOf(ref c, op, urn, provider, oldState, newState, diffs, keys, detailed, "old", "new");
    }

    private static ResourceNode? State(ref JsonCursor c, string? urn) =>
        c.Token == JsonTokenType.Null ? null : ResourceStateReader.Read(ref c, StateFlavor.Event, urn).Node;
}
