using Enclave.Policy.Engine;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Which key encrypts what: a bucket can only use a key of its own region (ENC-STO-002), and a cross-region standby
/// is encrypted with its primary's replicated key, so a key it names must be that one (ENC-DB-003).
/// </summary>
public class KeyPlacementTests
{
    public static TheoryData<GraphPath> Paths() => new(RuleRunner.AllPaths);

    private static ReportedFinding On(GraphBuilder g, string ruleId, string resource, GraphPath path) =>
        RuleRunner.Run(g, path, ruleId).Findings.Single(f => f.Urn == g.Urn(resource));

    [Theory]
    [MemberData(nameof(Paths))]
    public void Bucket_encrypted_with_its_own_regions_key_passes(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive();
        var finding = On(g, "ENC-STO-002", "archive-phx", path);
        Assert.Equal(FindingStatus.Pass, finding.Status);
        Assert.Contains("us-phoenix-1", finding.Finding.Message);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Bucket_encrypted_with_a_key_of_another_region_fails(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive().With("archive-phx", "kmsKeyId", Ref("key"));
        var finding = On(g, "ENC-STO-002", "archive-phx", path);
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Contains("the key is in the bucket's region", finding.Finding.Message);
    }

    [Theory]
    [InlineData("ocid1.key.oc1.phx.externalkey", FindingStatus.Fail)]
    [InlineData("ocid1.key.oc1.iad.externalkey", FindingStatus.Pass)]
    [InlineData("ocid1.key.oc1..noregionkey", FindingStatus.Undetermined)]
    public void A_key_outside_the_stack_is_placed_by_the_region_in_its_ocid(string keyId, FindingStatus expected)
    {
        // No key in the stack: the bucket (us-ashburn-1) names a key by OCID only.
        var g = CompliantEnclave.Build().With("adb", "kmsKeyId", null).With("archive", "kmsKeyId", keyId).With("data-bucket", "kmsKeyId", keyId);
        g.Remove("key");
        foreach (var path in RuleRunner.AllPaths)
            Assert.Equal(expected, On(g, "ENC-STO-002", "data-bucket", path).Status);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Bucket_whose_key_region_is_not_known_is_undetermined(GraphPath path)
    {
        var g = CompliantEnclave.Build().WithPhoenixArchive().WithUnknownRegionProvider();
        SecondRegion.In(g["key-phx"], "elsewhere");
        Assert.Equal(FindingStatus.Undetermined, On(g, "ENC-STO-002", "archive-phx", path).Status);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Standby_naming_its_primarys_key_passes(GraphPath path)
    {
        var finding = On(CompliantEnclave.Build().WithStandby(Ref("key")), "ENC-DB-003", "adb-standby", path);
        Assert.Equal(FindingStatus.Pass, finding.Status);
        Assert.Contains("primary's key", finding.Finding.Message);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Standby_naming_another_key_than_its_primarys_fails(GraphPath path)
    {
        var finding = On(CompliantEnclave.Build().WithStandby(Ref("key-2")), "ENC-DB-003", "adb-standby", path);
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Contains("primary's key", finding.Finding.Message);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Standby_whose_key_is_not_known_is_undetermined(GraphPath path) =>
        Assert.Equal(FindingStatus.Undetermined, On(CompliantEnclave.Build().WithStandby(Unknown), "ENC-DB-003", "adb-standby", path).Status);

    [Fact]
    public void Standby_naming_the_primarys_key_by_ocid_passes_and_another_ocid_fails()
    {
        var g = CompliantEnclave.Build().WithStandby(IdOf(CompliantEnclave.Build()["key"]));
        Assert.Equal(FindingStatus.Pass, On(g, "ENC-DB-003", "adb-standby", GraphPath.HandKnownIds).Status);
        g.With("adb-standby", "kmsKeyId", "ocid1.key.oc1.iad.somethingelse");
        Assert.Equal(FindingStatus.Fail, On(g, "ENC-DB-003", "adb-standby", GraphPath.HandKnownIds).Status);
    }
}
