using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Tests.Support;
using Enclave.TestSupport.PulumiFiles;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-GOV-070 reads what a preview deletes or replaces, which the after-graph cannot show: a deleted database is
/// simply absent from it, a replaced one looks new.
/// </summary>
public class DataStoresNotRemovedTests
{
    private const string Rule = "ENC-GOV-070";

    /// <summary>The compliant enclave as an unchanged preview, except <paramref name="resource"/>, given step <paramref name="op"/>.</summary>
    private static (PolicyReport Report, string Urn) Preview(string resource, string op)
    {
        var g = CompliantEnclave.Build();
        // Copies and credentials of the data the fixture does not hold: the admin secret, a key version, a backup.
        g.Add(OciTypes.VaultSecret, "db-secret", new { compartmentId = GraphBuilder.Ref("security"), vaultId = GraphBuilder.Ref("vault"), keyId = GraphBuilder.Ref("key"), secretName = "adb-admin" });
        g.Add(OciTypes.KeyVersion, "key-v2", new { keyId = GraphBuilder.Ref("key"), managementEndpoint = "https://devvault-management.kms.us-ashburn-1.oraclecloud.com" });
        g.Add(OciTypes.AutonomousDatabaseBackup, "adb-backup", new { autonomousDatabaseId = GraphBuilder.Ref("adb"), displayName = "before-migration", isLongTermBackup = false });
        var urn = g.Urn(resource);
        var steps = new List<Enclave.TestSupport.PulumiFiles.PreviewStep>();
        foreach (var n in g.Nodes(idsKnown: true))
        {
            if (n.Urn != urn) steps.Add(new("same", n, n));
            else if (op == "replace-parts")
            {
                // create-before-delete: the replacement is created, then the replaced resource deleted
                steps.Add(new("create-replacement", n, n));
                steps.Add(new("replace", n, n));
                steps.Add(new("delete-replaced", n, null));
            }
            else steps.Add(new(op, n, op == "delete" ? null : n));
        }
        var json = PreviewJson.Write(steps, [new("oci:region", "us-ashburn-1")]);
        var graph = PreviewLoader.ToGraph(PreviewLoader.Parse(PulumiJson.Bytes(json), "preview.json"));
        return (PolicyEvaluator.Evaluate(graph, CompliantEnclave.Policy, today: new DateOnly(2026, 6, 1), rules: [Enclave.Policy.Rules.RuleCatalogue.Find(Rule)!]), urn);
    }

    [Theory]
    [InlineData("adb", "delete")]
    [InlineData("archive", "delete")]
    [InlineData("vault", "delete")]
    [InlineData("key", "replace")]
    [InlineData("data-bucket", "replace-parts")]
    [InlineData("db-secret", "delete")]
    [InlineData("key-v2", "delete")]
    [InlineData("adb-backup", "replace")]
    [InlineData("topic", "delete")]
    [InlineData("cloud-guard", "replace")]
    public void Deleting_or_replacing_a_data_store_fails_on_it(string resource, string op)
    {
        var (report, urn) = Preview(resource, op);
        var findings = report.Findings.Where(f => f.RuleId == Rule && f.Status == FindingStatus.Fail).ToList();
        Assert.Equal(urn, Assert.Single(findings).Urn);  // once, however many steps the replacement takes
    }

    [Theory]
    [InlineData("data-rt", "delete")]
    [InlineData("db-nsg-in", "replace")]
    [InlineData("adb", "update")]
    public void Deleting_a_resource_that_holds_no_data_or_updating_one_that_does_passes(string resource, string op)
    {
        var (report, _) = Preview(resource, op);
        Assert.DoesNotContain(report.Findings, f => f.RuleId == Rule && f.Status != FindingStatus.Pass);
        Assert.Contains(report.Findings, f => f.RuleId == Rule && f.Status == FindingStatus.Pass);
    }
}
