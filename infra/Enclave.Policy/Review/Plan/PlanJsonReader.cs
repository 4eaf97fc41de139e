using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Values;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Review.Plan;

/// <summary>
/// Reads an <c>enclave-plan</c> JSON document back. Every problem is a <see cref="ReviewInputException"/> naming
/// the file and the spot (JSON line/column or property path) and what was expected there.
/// </summary>
public static class PlanJsonReader
{
    /// <summary>True when <paramref name="root"/> announces itself as a plan document (<c>"kind":"enclave-plan"</c>).</summary>
    public static bool IsPlan(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var k) &&
        k.ValueKind == JsonValueKind.String && k.GetString() == PlanDocument.Kind;

    /// <summary>Reads a plan file through the loaders' hardened path (size limit, BOM/UTF-16, binary, truncation).</summary>
    public static PlanDocument ReadFile(string path)
    {
        try
        {
            var artifact = Loaders.ArtifactLoader.LoadArtifact(path, Loaders.ArtifactKind.Plan);
            return artifact.Plan!;
        }
        catch (Loaders.ArtifactLoadException e) { throw new ReviewInputException(e.Message, e); }
    }

    public static PlanDocument Read(string json, string source)
    {
        using var doc = Parse(json, source);
        return Read(doc.RootElement, source);
    }

    /// <summary>
    /// Parses JSON text with the loaders' reader, so syntax errors read the same for a plan as for a Pulumi file:
    /// one line, <c>file:line:column: what went wrong</c>.
    /// </summary>
    public static JsonDocument Parse(string json, string source)
    {
        try { return Loaders.JsonInput.Parse(System.Text.Encoding.UTF8.GetBytes(json), source, Loaders.LoadLimits.Default); }
        catch (Loaders.ArtifactLoadException e) { throw new ReviewInputException(e.Message, e); }
    }

    public static PlanDocument Read(JsonElement root, string source)
    {
        if (!IsPlan(root))
            throw new ReviewInputException($"{source}: not an enclave plan document (expected \"kind\": \"{PlanDocument.Kind}\")");
        var version = root.TryGetProperty("formatVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : -1;
        if (version < PlanDocument.OldestReadableVersion || version > PlanDocument.FormatVersion)
            throw new ReviewInputException(
                $"{source}: unsupported plan formatVersion {(version < 0 ? "(missing)" : version)}; this enclave reads versions {PlanDocument.OldestReadableVersion} to {PlanDocument.FormatVersion} (re-run `enclave plan --format json` with this version)");

        var ctx = new Ctx(source);
        var stack = ctx.String(root, "stack", "");
        var project = ctx.String(root, "project", "");
        var standIns = new StandIns();
        var resources = ctx.Array(root, "resources", "").Select((r, i) => ReadResource(ctx, r, $"resources[{i}]", standIns)).ToList();
        var policy = root.TryGetProperty("policy", out var p) ? ReadPolicy(ctx, p, "policy") : PolicySummary.Empty;
        // Version 1 plans hold the offline run's stand-ins themselves; version 2 plans hold markers read back as stand-ins.
        var fabricated = version == 1 || standIns.Any || resources.Any(HasComputed)
            ? new FabricatedValues(standIns.Lookups, FabricatedValues.ReferenceClock)
            : null;
        return new PlanDocument(stack, project, [.. resources.Select(r => Settle(r, standIns))], policy) { Fabricated = fabricated };
    }

    private static bool HasComputed(ResourceNode r) =>
        r.Id is ComputedValue || r.Outputs.Fields.Values.Any(v => v is ComputedValue);

    /// <summary>
    /// A resource's own assigned values (<c>computed</c>): the stand-in its references use, so a reference and its
    /// target agree again; anything else computed (never written by a plan) reads as unknown.
    /// </summary>
    private static ResourceNode Settle(ResourceNode r, StandIns standIns)
    {
        if (!HasComputed(r) && !r.Inputs.ContainsUnknown) return r;
        var outputs = r.Outputs.Fields.ToImmutableSortedDictionary(kv => kv.Key,
            kv => kv.Value is ComputedValue ? new StringValue(StandIns.For(r.Urn, kv.Key)) : Plain(kv.Value), StringComparer.Ordinal);
        return r with
        {
            Id = r.Id is ComputedValue ? new StringValue(StandIns.For(r.Urn, "id")) : r.Id,
            Inputs = (MapValue)Plain(r.Inputs),
            Outputs = new MapValue(outputs),
        };
    }

    /// <summary>Computed markers nested where no plan writes them read as unknown: the graph holds no report-only values.</summary>
    private static PropertyValue Plain(PropertyValue v) => v switch
    {
        ComputedValue => PropertyValue.Unknown,
        ListValue l when l.ContainsUnknown => new ListValue([.. l.Items.Select(Plain)]),
        MapValue m when m.ContainsUnknown => new MapValue(m.Fields.ToImmutableSortedDictionary(kv => kv.Key, kv => Plain(kv.Value), StringComparer.Ordinal)),
        _ => v,
    };

    private static ResourceNode ReadResource(Ctx ctx, JsonElement r, string at, StandIns standIns)
    {
        ctx.Object(r, at);
        var deps = r.TryGetProperty("dependencies", out var d) && d.ValueKind == JsonValueKind.Array
            ? d.EnumerateArray().Select((x, i) => ctx.AsString(x, $"{at}.dependencies[{i}]")).ToImmutableArray()
            : ImmutableArray<string>.Empty;
        var propDeps = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (r.TryGetProperty("propertyDependencies", out var pd) && pd.ValueKind == JsonValueKind.Object)
            foreach (var entry in pd.EnumerateObject())
                propDeps[entry.Name] = ctx.Array(pd, entry.Name, $"{at}.propertyDependencies")
                    .Select((x, i) => ctx.AsString(x, $"{at}.propertyDependencies.{entry.Name}[{i}]")).ToImmutableArray();
        return new ResourceNode(
            Urn: ctx.String(r, "urn", at),
            Type: ctx.String(r, "type", at),
            Name: ctx.String(r, "name", at),
            Custom: ctx.Bool(r, "custom", at),
            Id: r.TryGetProperty("id", out var id) ? ValueJson.Read(id, $"{at}.id", standIns) : PropertyValue.Null,
            Parent: ctx.OptionalString(r, "parent", at),
            Dependencies: deps,
            PropertyDependencies: propDeps.ToImmutable(),
            Provider: ctx.OptionalString(r, "provider", at),
            Region: ctx.OptionalString(r, "region", at),
            Protect: r.TryGetProperty("protect", out var pr) && pr.ValueKind == JsonValueKind.True,
            Inputs: r.TryGetProperty("inputs", out var inputs) ? ValueJson.ReadMap(inputs, $"{at}.inputs", standIns) : MapValue.Empty,
            Outputs: r.TryGetProperty("outputs", out var outputs) ? ValueJson.ReadMap(outputs, $"{at}.outputs", standIns) : MapValue.Empty)
        {
            InputsUnknown = r.TryGetProperty("inputsUnknown", out var unknown) && unknown.ValueKind == JsonValueKind.True,
        };
    }

    private static PolicySummary ReadPolicy(Ctx ctx, JsonElement p, string at)
    {
        ctx.Object(p, at);
        var passed = p.TryGetProperty("passed", out var ps) && ps.ValueKind == JsonValueKind.Number && ps.TryGetInt32(out var count) ? count : 0;
        var findings = ctx.Array(p, "findings", at).Select((f, i) =>
        {
            var fat = $"{at}.findings[{i}]";
            ctx.Object(f, fat);
            return new PolicyFinding(
                RuleId: ctx.String(f, "ruleId", fat),
                Title: ctx.OptionalString(f, "title", fat) ?? "",
                Severity: ctx.Enum<Severity>(f, "severity", fat),
                Enforcement: ctx.Enum<Enforcement>(f, "enforcement", fat),
                Urn: ctx.String(f, "urn", fat),
                Verdict: ctx.Enum<Verdict>(f, "verdict", fat),
                Message: ctx.OptionalString(f, "message", fat) ?? "",
                Suppressed: f.TryGetProperty("suppressed", out var s) && s.ValueKind == JsonValueKind.True);
        }).OrderBy(f => f, PolicyFinding.Order).ToImmutableArray();
        return new PolicySummary(findings, passed);
    }

    /// <summary>Typed field access that fails with the file and the property path.</summary>
    private sealed record Ctx(string Source)
    {
        public ReviewInputException Error(string at, string what, JsonElement? found) =>
            new($"{Source}: {at}: expected {what}{(found is { } f ? $", found {ValueJson.Describe(f)}" : " (missing)")}");

        public void Object(JsonElement e, string at)
        {
            if (e.ValueKind != JsonValueKind.Object) throw Error(at, "an object", e);
        }

        public string String(JsonElement o, string name, string at) =>
            o.TryGetProperty(name, out var v) ? AsString(v, Join(at, name)) : throw Error(Join(at, name), "a string", null);

        public string AsString(JsonElement v, string at) =>
            v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Error(at, "a string", v);

        public string? OptionalString(JsonElement o, string name, string at) =>
            !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null : AsString(v, Join(at, name));

        public bool Bool(JsonElement o, string name, string at) =>
            o.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? v.GetBoolean()
                : throw Error(Join(at, name), "true or false", o.TryGetProperty(name, out var f) ? f : null);

        public IEnumerable<JsonElement> Array(JsonElement o, string name, string at) =>
            o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray()
                : throw Error(Join(at, name), "an array", o.TryGetProperty(name, out var f) ? f : null);

        public T Enum<T>(JsonElement o, string name, string at) where T : struct, System.Enum
        {
            var text = String(o, name, at);
            if (System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)) return value;
            var valid = string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
            throw new ReviewInputException($"{Source}: {Join(at, name)}: \"{text}\" is not valid (expected one of {valid})");
        }

        private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";
    }
}
