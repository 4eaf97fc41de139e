using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// Streams a <c>pulumi preview --json</c> document (Go's <c>PreviewDigest</c>): its steps with their old and new
/// states, reasons and detailed diff, the config and the diagnostics. A step operation the gate does not know is
/// refused (it cannot tell whether the resource exists afterwards); so are the other shapes Pulumi never writes
/// (see <see cref="StepSet"/>).
/// </summary>
internal static class PreviewReader
{
    private const int Config = 0, Steps = 1, Diagnostics = 2, ChangeSummary = 3;
    private static readonly FieldSet RootFields = new("config", "steps", "diagnostics", "changeSummary");
    private const int Op = 0, Urn = 1, Provider = 2, OldState = 3, NewState = 4, DiffReasons = 5, ReplaceReasons = 6, DetailedDiff = 7;
    private static readonly FieldSet StepFields = new("op", "urn", "provider", "oldState", "newState", "diffReasons", "replaceReasons", "detailedDiff");

    public static PreviewDocument Read(ref JsonCursor c)
    {
        c.Next();
        c.IsObject("a preview object", nullable: false);
        var seen = new FieldSet.Seen();
        var config = MapValue.Empty;
        var diagnostics = ImmutableArray<PreviewDiagnostic>.Empty;
        var summary = ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal);
        var steps = new StepSet("step", i => $"$.steps[{i}]");
        while (c.NextProperty())
        {
            var field = c.Field(RootFields, ref seen, out var key);
            switch (field)
            {
                case Config: config = PulumiValueReader.ReadMap(ref c, previewSecrets: true, "an object of configuration values"); break;
                case Steps:
                    c.IsList("a list of preview steps", nullable: false);
                    c.Path.Push(0);
                    for (var i = 0; c.NextItem(); i++)
                    {
                        c.Path.SetIndex(i);
                        steps.Add(ReadStep(ref c), i, ref c);
                    }
                    c.Path.Pop();
                    break;
                case Diagnostics: diagnostics = ReadDiagnostics(ref c); break;
                case ChangeSummary: summary = ReadCounts(ref c); break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }
        if (!seen.Has(Steps)) throw c.Source.Error("expected \"steps\": a list of preview steps");
        var (stack, project) = steps.Identity;
        return new PreviewDocument(c.Source.Name, stack, project, config.Fields, steps.Complete(c.Source.Name), diagnostics, summary);
    }

    private static PreviewStep ReadStep(ref JsonCursor c)
    {
        c.IsObject("a step object", nullable: false);
        var seen = new FieldSet.Seen();
        string? op = null, urn = null, provider = null;
        ResourceNode? oldState = null, newState = null;
        var diffReasons = ImmutableArray<string>.Empty;
        var replaceReasons = ImmutableArray<string>.Empty;
        ImmutableSortedDictionary<string, PropertyDiff>? detailed = null;
        while (c.NextProperty())
        {
            var field = c.Field(StepFields, ref seen, out var key);
            switch (field)
            {
                case Op: op = c.OptionalText("an operation string"); break;
                case Urn: urn = c.OptionalText("a URN string"); break;
                case Provider: provider = c.OptionalText("a provider reference string (URN::id)"); break;
                case OldState: oldState = State(ref c, urn); break;
                case NewState: newState = State(ref c, urn); break;
                case DiffReasons: diffReasons = ResourceStateReader.StringList(ref c, "a list of property names"); break;
                case ReplaceReasons: replaceReasons = ResourceStateReader.StringList(ref c, "a list of property names"); break;
                case DetailedDiff: detailed = ReadDetailedDiff(ref c, "kind"); break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }
        if (op is null) throw c.Source.Error("step without \"op\"");
        urn ??= newState?.Urn ?? oldState?.Urn ?? throw c.Source.Error("step without \"urn\"");
        return StepOf(ref c, op, urn, provider, oldState, newState, diffReasons, replaceReasons, detailed);
    }

    /// <summary>Builds a step, refusing an unknown operation and states of another resource.</summary>
    public static PreviewStep StepOf(ref JsonCursor c, string op, string urn, string? provider, ResourceNode? oldState, ResourceNode? newState,
        ImmutableArray<string> diffReasons, ImmutableArray<string> replaceReasons, ImmutableSortedDictionary<string, PropertyDiff>? detailed,
        string oldKey = "oldState", string newKey = "newState")
    {
        var parts = UrnParts.TryParse(urn) ?? throw c.Source.Error($"\"{urn}\" is not a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME)");
        var stepOp = PreviewStep.ParseOp(op) ?? throw c.Source.Error(
            $"unknown step operation \"{op}\"; expected one of {string.Join(", ", PreviewStep.OpNames)}");
        foreach (var state in new[] { oldState, newState })
            if (state is not null && state.Urn != urn)
                throw c.Source.Error($"a state of \"{state.Urn}\" in the step of \"{urn}\"; a step's states are its own resource's");
        if (RequiredState(stepOp, oldState, newState, oldKey, newKey) is { } missing)
            throw c.Source.Error($"the \"{op}\" step of \"{urn}\" has no {missing}, which Pulumi always writes: the file was trimmed or edited");
        return new PreviewStep(stepOp, op, urn, newState?.Type ?? oldState?.Type ?? parts.Type,
            provider is { Length: > 0 } ? provider : newState?.Provider ?? oldState?.Provider,
            oldState, newState, diffReasons, replaceReasons, detailed);
    }

    private static ResourceNode? State(ref JsonCursor c, string? urn) =>
        c.Token == JsonTokenType.Null ? null : ResourceStateReader.Read(ref c, StateFlavor.Preview, urn).Node;

    /// <summary>
    /// The state Pulumi always writes for <paramref name="op"/> and that is missing, or null. The engine's step
    /// metadata carries the step's own old and new states (a create, update, replace, import or same step always has
    /// a new one; a delete or discard always has the old one it removes), and both <c>preview --json</c> and the event
    /// log copy them as they are. A step without them is a trimmed or tampered artifact: judging it would mean judging
    /// a resource whose settings are unseen (a create) or not seeing what is removed (a deletion of the archive), so it
    /// is refused like every other shape Pulumi never writes. (A refresh may legitimately lack its new state: the
    /// resource is gone.)
    /// </summary>
    private static string? RequiredState(StepOp op, ResourceNode? oldState, ResourceNode? newState, string oldKey, string newKey) => op switch
    {
        StepOp.Same or StepOp.Create or StepOp.Update or StepOp.Replace or StepOp.CreateReplacement or StepOp.Import
            or StepOp.ImportReplacement when newState is null => $"\"{newKey}\" (the resource as the step leaves it)",
        StepOp.Delete or StepOp.DeleteReplaced or StepOp.Discard or StepOp.DiscardReplaced
            when oldState is null => $"\"{oldKey}\" (the resource the step removes)",
        _ => null,
    };

    /// <summary><c>detailedDiff</c>: property path → {kind, inputDiff} (<paramref name="kindKey"/> is <c>diffKind</c> in events).</summary>
    public static ImmutableSortedDictionary<string, PropertyDiff>? ReadDetailedDiff(ref JsonCursor c, string kindKey)
    {
        if (!c.IsObject("an object of property paths to {" + kindKey + ", inputDiff}")) return null;
        var fields = new FieldSet(kindKey, "inputDiff");
        var result = ImmutableSortedDictionary.CreateBuilder<string, PropertyDiff>(StringComparer.Ordinal);
        while (c.NextProperty())
        {
            var path = c.Text();
            c.Path.Push(path);
            if (result.ContainsKey(path)) throw c.Source.DuplicateKey(path);
            c.Next();
            c.IsObject($"{{{kindKey}, inputDiff}}", nullable: false);
            var seen = new FieldSet.Seen();
            string? kind = null;
            var inputDiff = false;
            while (c.NextProperty())
            {
                var field = c.Field(fields, ref seen, out var key);
                if (field == 0) kind = c.OptionalText("a diff kind string");
                else if (field == 1) inputDiff = c.Bool();
                else c.Skip();
                if (field == 0 && PreviewStep.ParseKind(kind) is null)
                    throw c.Source.Error($"unknown diff kind \"{kind}\"; expected add, add-replace, delete, delete-replace, update or update-replace");
                c.Path.Pop();
            }
            if (kind is null) throw c.Source.Error($"a detailed diff entry without \"{kindKey}\"");
            result[path] = new PropertyDiff(PreviewStep.ParseKind(kind)!.Value, inputDiff);
            c.Path.Pop();
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<PreviewDiagnostic> ReadDiagnostics(ref JsonCursor c)
    {
        if (!c.IsList("a list of diagnostics")) return [];
        var fields = new FieldSet("urn", "severity", "message");
        var list = ImmutableArray.CreateBuilder<PreviewDiagnostic>();
        c.Path.Push(0);
        while (c.NextItem())
        {
            c.Path.SetIndex(list.Count);
            list.Add(ReadDiagnostic(ref c, fields));
        }
        c.Path.Pop();
        return list.ToImmutable();
    }

    public static PreviewDiagnostic ReadDiagnostic(ref JsonCursor c, FieldSet fields)
    {
        c.IsObject("a diagnostic object", nullable: false);
        var seen = new FieldSet.Seen();
        var text = new string?[3];
        while (c.NextProperty())
        {
            var key = c.Text();
            var field = fields.Find(key);
            c.Path.Push(key);
            c.Next();
            if (field >= 0) { seen.Add(fields, field, key, c.Source); text[field] = c.OptionalText("a string"); }
            else c.Skip();
            c.Path.Pop();
        }
        return new PreviewDiagnostic(text[0], text[1] ?? "info", text[2] ?? "");
    }

    private static ImmutableSortedDictionary<string, int> ReadCounts(ref JsonCursor c)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        if (!c.IsObject("an object of operation counts")) return result.ToImmutable();
        while (c.NextProperty())
        {
            var op = c.Text();
            c.Path.Push(op);
            if (result.ContainsKey(op)) throw c.Source.DuplicateKey(op);
            c.Next();
            var n = c.Integer("a count");
            result[op] = n is >= 0 and <= int.MaxValue ? (int)n : throw c.Expected("a count between 0 and 2147483647");
            c.Path.Pop();
        }
        return result.ToImmutable();
    }
}
