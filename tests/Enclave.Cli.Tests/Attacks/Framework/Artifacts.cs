using System.Text.Json;
using System.Text.Json.Nodes;
using Enclave.Policy.Loaders;

namespace Enclave.Cli.Tests.Attacks.Framework;

/// <summary>The two artifacts the gate judges in production, written from an edited <see cref="Prod"/>.</summary>
public enum Form
{
    /// <summary>`pulumi stack export` (version 3) of the stack after the change was deployed.</summary>
    Export,
    /// <summary>`pulumi preview --json` of the change over the deployed baseline.</summary>
    Preview,
}

public static class Artifacts
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(Prod prod, Form form) => form == Form.Export ? Export(prod) : Preview(prod);

    /// <summary>A `pulumi stack export`: version 3, a deployment with manifest, secrets provider and resources.</summary>
    public static string Export(Prod prod)
    {
        var doc = new JsonObject
        {
            ["version"] = 3,
            ["deployment"] = new JsonObject
            {
                ["manifest"] = new JsonObject { ["time"] = "2026-01-01T00:00:00Z", ["magic"] = "0d1f", ["version"] = "v3.205.0" },
                ["secrets_providers"] = new JsonObject
                {
                    ["type"] = "passphrase",
                    ["state"] = new JsonObject { ["salt"] = "v1:c2FsdHNhbHQ=:v1:AbCdEfGh:ZmFrZQ==" },
                },
                ["resources"] = new JsonArray(prod.Resources.Select(r => (JsonNode?)r.DeepClone()).ToArray()),
            },
        };
        if (prod.PendingOperations.Count > 0)
            doc["deployment"]!["pending_operations"] = new JsonArray(prod.PendingOperations.Select(o => (JsonNode?)o.DeepClone()).ToArray());
        return doc.ToJsonString(Indented);
    }

    /// <summary>
    /// A `pulumi preview --json` of the change: `same` for every untouched resource, `update` (with the changed keys as
    /// diff reasons) for an edited one, `create` for an added one (its id and outputs unknown until deployed) and
    /// `delete` for a removed one. Secrets are shown as the preview shows them, <c>[secret]</c>.
    /// </summary>
    public static string Preview(Prod prod)
    {
        var before = prod.Baseline.Resources.ToDictionary(r => r["urn"]!.GetValue<string>(), StringComparer.Ordinal);
        var after = prod.Resources.ToDictionary(r => r["urn"]!.GetValue<string>(), StringComparer.Ordinal);
        var steps = new JsonArray();
        var summary = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in prod.Resources)
        {
            var urn = r["urn"]!.GetValue<string>();
            JsonObject step;
            if (!before.TryGetValue(urn, out var old) && r["external"]?.GetValue<bool>() == true)
                step = Step("read", urn, r, null, PreviewValues(r));  // a resource the program reads: Pulumi previews a read
            else if (old is null)
            {
                var created = (JsonObject)PreviewValues(r)!;
                created["id"] = "";
                created["outputs"] = Unknowns((JsonObject)created["inputs"]!);
                step = Step("create", urn, r, null, created);
            }
            else if (prod.Replaced.Contains(urn))
            {
                foreach (var part in Replacement(prod, urn, old, r))
                {
                    summary[part["op"]!.GetValue<string>()] = summary.GetValueOrDefault(part["op"]!.GetValue<string>()) + 1;
                    steps.Add(part);
                }
                continue;
            }
            else if (JsonNode.DeepEquals(old, r)) step = Step("same", urn, r, PreviewValues(old), PreviewValues(r));
            else
            {
                step = Step("update", urn, r, PreviewValues(old), PreviewValues(r));
                var reasons = ChangedKeys((JsonObject)old["inputs"]!, (JsonObject)r["inputs"]!);
                step["diffReasons"] = Framework.Value.List([.. reasons]);
                var detailed = new JsonObject();
                foreach (var key in reasons) detailed[key] = new JsonObject { ["kind"] = "update", ["inputDiff"] = true };
                step["detailedDiff"] = detailed;
            }
            summary[step["op"]!.GetValue<string>()] = summary.GetValueOrDefault(step["op"]!.GetValue<string>()) + 1;
            steps.Add(step);
        }
        foreach (var (urn, old) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            steps.Add(Step("delete", urn, old, PreviewValues(old), null));
            summary["delete"] = summary.GetValueOrDefault("delete") + 1;
        }
        // What `pulumi up` has not created yet has no id, so a value built from it is unknown in the preview: no new
        // state may carry such an id as a known string (only a hand-edited preview does, ENC-NET-030's lineage attacks).
        var unborn = prod.Resources.Where(r => !before.ContainsKey(r["urn"]!.GetValue<string>()) && r["external"]?.GetValue<bool>() != true)
            .Select(r => r["id"]?.GetValue<string>()).OfType<string>().Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var step in steps)
            if (step!["newState"] is JsonObject state)
                foreach (var side in new[] { "inputs", "outputs" })
                    if (state[side] is JsonObject values) state[side] = Unborn(values, unborn);
        var changes = new JsonObject();
        foreach (var (op, n) in summary) changes[op] = n;
        var doc = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["oci:region"] = prod.Baseline.DeploymentRegion,
                [$"{prod.Project}:adminPassword"] = PulumiValues.PreviewSecretMarker,
            },
            ["steps"] = steps,
            ["diagnostics"] = new JsonArray(),
            ["duration"] = 5123000000,
            ["changeSummary"] = changes,
        };
        return doc.ToJsonString(Indented);
    }

    /// <summary>
    /// The steps of one replacement: `replace` alone, or with `--show-replacement-steps` the `create-replacement`,
    /// `replace` and `delete-replaced` steps the engine runs (create before delete). The successor's id and outputs are
    /// unknown until it exists; the keys that changed are both the diff and the replace reasons.
    /// </summary>
    private static IEnumerable<JsonObject> Replacement(Prod prod, string urn, JsonObject old, JsonObject resource)
    {
        var successor = (JsonObject)PreviewValues(resource)!;
        successor["id"] = "";
        successor["outputs"] = Unknowns((JsonObject)successor["inputs"]!);
        var reasons = ChangedKeys((JsonObject)old["inputs"]!, (JsonObject)resource["inputs"]!);
        JsonObject Part(string op, bool withNew)
        {
            var step = Step(op, urn, resource, PreviewValues(old), withNew ? successor.DeepClone() : null);
            step["diffReasons"] = Framework.Value.List([.. reasons]);
            step["replaceReasons"] = Framework.Value.List([.. reasons]);
            step["detailedDiff"] = null;
            return step;
        }
        if (prod.ShowReplacementSteps) yield return Part("create-replacement", withNew: true);
        yield return Part("replace", withNew: true);
        if (prod.ShowReplacementSteps) yield return Part("delete-replaced", withNew: false);
    }

    private static JsonObject Step(string op, string urn, JsonObject resource, JsonNode? oldState, JsonNode? newState)
    {
        var step = new JsonObject { ["op"] = op, ["urn"] = urn };
        if (resource["provider"] is { } provider) step["provider"] = provider.DeepClone();
        if (oldState is not null) step["oldState"] = oldState;
        if (newState is not null) step["newState"] = newState;
        return step;
    }

    private static List<string> ChangedKeys(JsonObject old, JsonObject @new) =>
        old.Select(kv => kv.Key).Union(@new.Select(kv => kv.Key))
            .Where(k => !JsonNode.DeepEquals(old[k], @new[k])).Order(StringComparer.Ordinal).ToList();

    /// <summary>The outputs of a resource being created: its inputs, and an unknown for the id the cloud assigns.</summary>
    private static JsonObject Unknowns(JsonObject inputs)
    {
        var outputs = (JsonObject)inputs.DeepClone();
        outputs["id"] = PulumiValues.UnknownSentinel;
        return outputs;
    }

    /// <summary>A copy with each string that is the id of a resource not created yet replaced by the preview's unknown.</summary>
    private static JsonNode? Unborn(JsonNode? node, HashSet<string> ids) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, Unborn(kv.Value, ids)))),
        JsonArray a => new JsonArray(a.Select(x => Unborn(x, ids)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var text) && ids.Contains(text) => JsonValue.Create(PulumiValues.UnknownSentinel),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>A copy with each secret replaced by the preview's <c>[secret]</c>.</summary>
    private static JsonNode? PreviewValues(JsonNode? node) => node switch
    {
        _ when StateJson.IsSecret(node) => JsonValue.Create(PulumiValues.PreviewSecretMarker),
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, PreviewValues(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(PreviewValues).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
