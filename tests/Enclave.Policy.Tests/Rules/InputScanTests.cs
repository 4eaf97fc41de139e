using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-NET-008 and ENC-GOV-005 read every input string of every resource from one shared scan; a finding must still
/// name the exact input (path) that holds the parent-company value, wherever it sits.
/// </summary>
public class InputScanTests
{
    private static ReportedFinding FindingOn(GraphBuilder g, string ruleId, string resource) =>
        RuleRunner.Run(g, GraphPath.HandKnownIds, ruleId).Findings.Single(f => f.Urn == g.Urn(resource));

    [Fact]
    public void Parent_range_inside_a_combined_acl_entry_is_named_by_its_path()
    {
        var g = CompliantEnclave.Build().With("adb", "whitelistedIps", new[] { "10.0.0.0/16", "ocid1.vcn.oc1..x;203.0.113.73" });
        var finding = FindingOn(g, "ENC-NET-008", "adb");
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Equal("whitelistedIps[1] = 203.0.113.73 overlaps parent range 203.0.113.64/26", Assert.Single(finding.Finding.Evidence));
    }

    [Fact]
    public void Parent_identity_in_a_nested_input_is_named_by_its_path()
    {
        var g = CompliantEnclave.Build().With("adb", "customerContacts",
            new[] { new { email = "gatekeepers@enclave.example" }, new { email = "dba@parentcorp.example" } });
        var finding = FindingOn(g, "ENC-GOV-005", "adb");
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Equal("customerContacts[1].email mentions \"parentcorp.example\"", Assert.Single(finding.Finding.Evidence));
    }
}
