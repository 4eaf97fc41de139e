using Enclave.Policy.Reports;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Reports;

public class DataAccessReportTests
{
    [Fact]
    public void Lists_who_may_read_or_manage_each_data_bearing_resource_and_through_which_statement()
    {
        var report = DataAccessReport.Build(CompliantEnclave.Build().Build(), CompliantEnclave.Policy);
        var adbRead = report.Rows.Where(r => r.ResourceLabel.EndsWith("::adb") && r.Access == "read" && r.Effect == "allow").ToList();
        var operators = Assert.Single(adbRead, r => r.Principal == "group enclave-operators");
        Assert.Equal("yes", operators.Certainty);
        Assert.Contains("read autonomous-databases", operators.StatementText);
        Assert.EndsWith("[2]", operators.Statement);
        // The storage admins manage buckets only where the condition allows it: never delete.
        var bucket = report.Rows.Single(r => r.ResourceLabel.EndsWith("::data-bucket") && r.Access == "manage" && r.Principal == "group enclave-storage-admins");
        Assert.Equal("conditional", bucket.Certainty);
        // Nobody is granted the keys.
        Assert.DoesNotContain(report.Rows, r => r.ResourceLabel.EndsWith("::key") && r.Effect == "allow");
    }

    [Fact]
    public void A_statement_unknown_until_deploy_shows_as_anyone_unknown()
    {
        var g = CompliantEnclave.Build().With("root-policy", "statements", new object[] { GraphBuilder.Unknown });
        var report = DataAccessReport.Build(g.Build(), CompliantEnclave.Policy);
        Assert.Contains(report.Rows, r => r.ResourceLabel.EndsWith("::adb") && r.Certainty == "unknown");
    }
}
