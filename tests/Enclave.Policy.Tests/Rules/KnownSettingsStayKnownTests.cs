using System.Collections.Immutable;
using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Tests.Support;
using Enclave.TestSupport.PulumiFiles;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-GOV-093 (red-team round 13): a preview's update step that turns a known isolation setting into an unknown one. The
/// rules read an unknown reference as the resource it was built from and keep their doubts advisory in a preview, so a
/// bucket's key, a database's subnet or a connector's target computed from an existing resource (an <c>Apply</c> that
/// can yield any id at <c>pulumi up</c>) passed. Only a value built from resources the same update creates is unknown
/// because the cloud has not assigned it yet.
/// </summary>
public class KnownSettingsStayKnownTests
{
    private const string Rule = "ENC-GOV-093";

    /// <summary>
    /// The compliant enclave as deployed, and a preview of <paramref name="change"/> over it: <c>update</c> steps (with the
    /// old state) for the resources it changes, <c>create</c> steps for <paramref name="created"/> (no id yet, so a value
    /// built from one is unknown), <c>same</c> for the rest.
    /// </summary>
    private static (PolicyReport Report, GraphBuilder After) Preview(Action<GraphBuilder> change, Func<ResourceNode, ResourceNode>? adjust = null, params string[] created)
    {
        var before = CompliantEnclave.Build().Nodes(idsKnown: true).ToDictionary(n => n.Urn, StringComparer.Ordinal);
        var after = CompliantEnclave.Build();
        change(after);
        var nodes = after.Nodes(idsKnown: true);
        var unborn = nodes.Where(n => created.Contains(n.Name)).Select(n => n.Id.AsString()!).ToHashSet(StringComparer.Ordinal);
        var steps = new List<Enclave.TestSupport.PulumiFiles.PreviewStep>();
        foreach (var n in nodes)
        {
            if (created.Contains(n.Name)) { steps.Add(new("create", null, (adjust ?? (x => x))(n with { Id = PropertyValue.Unknown }))); continue; }
            var now = (adjust ?? (x => x))(n with { Inputs = (MapValue)Unborn(n.Inputs, unborn) });
            var old = before[n.Urn];
            steps.Add(now.Inputs.Equals(old.Inputs) && now.Outputs.Equals(old.Outputs) ? new("same", old, old) : new("update", old, now));
        }
        var json = PreviewJson.Write(steps, [new("oci:region", "us-ashburn-1")]);
        var graph = PreviewLoader.ToGraph(PreviewLoader.Parse(PulumiJson.Bytes(json), "preview.json"));
        return (PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, today: new DateOnly(2026, 6, 1), rules: [RuleRunner.Fresh(Rule)]), after);
    }

    /// <summary>The value with every id of a resource not created yet made unknown, as a preview shows it.</summary>
    private static PropertyValue Unborn(PropertyValue value, HashSet<string> ids) => value switch
    {
        StringValue s when ids.Contains(s.Value) => PropertyValue.Unknown,
        ListValue l => new ListValue([.. l.Items.Select(i => Unborn(i, ids))]),
        MapValue m => new MapValue(m.Fields.ToImmutableSortedDictionary(kv => kv.Key, kv => Unborn(kv.Value, ids), StringComparer.Ordinal)),
        _ => value,
    };

    public static TheoryData<string, string> ComputedFromExisting => new()
    {
        { "data-bucket", "kmsKeyId" },
        { "adb", "subnetId" },
        { "adb", "whitelistedIps" },
        { "data", "routeTableId" },
    };

    [Theory]
    [MemberData(nameof(ComputedFromExisting))]
    public void A_setting_made_unknown_by_an_update_fails(string resource, string key)
    {
        var (report, after) = Preview(g => g.With(resource, key, GraphBuilder.Unknown));

        Assert.Contains(report.Findings, f => f.Urn == after.Urn(resource) && f.Status == FindingStatus.Fail
            && f.Finding.Message.Contains($"{key} was ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_built_from_an_existing_resource_fails_though_the_artifact_names_its_source()
    {
        // The bucket's key "built from" the existing key: an Apply over its id, which can yield any key at `pulumi up`.
        var keyUrn = CompliantEnclave.Build().Urn("key");
        var (report, after) = Preview(g => g.With("data-bucket", "kmsKeyId", GraphBuilder.Unknown),
            n => n.Name == "data-bucket" ? n with { PropertyDependencies = n.PropertyDependencies.SetItem("kmsKeyId", [keyUrn]) } : n);

        Assert.Contains(report.Findings, f => f.Urn == after.Urn("data-bucket") && f.Status == FindingStatus.Fail);
    }

    [Fact]
    public void An_output_OCI_recomputes_after_an_update_fails()
    {
        var (report, after) = Preview(g =>
        {
            g.With("adb", "displayName", "renamed");
            g["adb"].Outputs["standbyWhitelistedIps"] = GraphBuilder.Unknown;
        });

        Assert.Contains(report.Findings, f => f.Urn == after.Urn("adb") && f.Status == FindingStatus.Fail
            && f.Finding.Message.Contains("standbyWhitelistedIps was", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_resource_whose_reference_is_computed_from_an_existing_one_fails()
    {
        var keyUrn = CompliantEnclave.Build().Urn("key");
        var (report, after) = Preview(g => g.Add(OciTypes.Bucket, "exports", new
        {
            compartmentId = GraphBuilder.Ref("enclave"), name = "usde-dev-exports", @namespace = "enclavens", kmsKeyId = GraphBuilder.Unknown,
            versioning = "Enabled", accessType = "NoPublicAccess",
        }), n => n.Name == "exports" ? n with { PropertyDependencies = n.PropertyDependencies.SetItem("kmsKeyId", [keyUrn]) } : n, created: ["exports"]);

        Assert.Contains(report.Findings, f => f.Urn == after.Urn("exports") && f.Status == FindingStatus.Fail
            && f.Finding.Message.Contains("kmsKeyId of this new resource is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_a_resource_the_update_creates_passes()
    {
        var (report, _) = Preview(g =>
        {
            g.Add(OciTypes.Key, "key-2", new { compartmentId = GraphBuilder.Ref("security"), displayName = "buckets-2",
                keyShape = new { algorithm = "AES", length = 32 }, protectionMode = "HSM", managementEndpoint = "https://devvault-management.kms.us-ashburn-1.oraclecloud.com", isAutoRotationEnabled = true });
            g.With("data-bucket", "kmsKeyId", GraphBuilder.Ref("key-2"));
        }, created: ["key-2"]);

        Assert.All(report.Findings, f => Assert.Equal(FindingStatus.Pass, f.Status));
    }

    [Fact]
    public void An_unchanged_preview_and_a_known_change_pass()
    {
        var (report, _) = Preview(g => g.With("data-bucket", "versioning", "Enabled").With("adb", "displayName", "renamed"));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingStatus.Pass, finding.Status);
        Assert.Contains("1 resources updated in place", finding.Finding.Message, StringComparison.Ordinal);
    }
}
