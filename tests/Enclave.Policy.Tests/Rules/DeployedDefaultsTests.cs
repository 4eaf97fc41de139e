using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Round 12's other half: judging the deployed value of a setting the program leaves unset must not fail a real refreshed
/// state. After <c>pulumi refresh</c> OCI reports a value for every such setting (a database's permission level
/// UNRESTRICTED, its built-in tools listed enabled, Database Management NOT_ENABLED, the subnet on its VCN's default DHCP
/// options, a confirmed subscription ACTIVE): these are OCI's defaults, not changes, and must pass.
/// </summary>
public class DeployedDefaultsTests
{
    private static readonly string[] Rules = ["ENC-DB-070", "ENC-DB-090", "ENC-STO-070", "ENC-NET-071", "ENC-LOG-050", "ENC-GOV-092", "ENC-KMS-005"];

    /// <summary>The compliant enclave as a refresh reports it (pulumi-oci 4.20 output names, OCI's values for unset settings).</summary>
    private static GraphBuilder Refreshed()
    {
        var g = CompliantEnclave.Build();
        g["adb"].Outputs["permissionLevel"] = "UNRESTRICTED";
        g["adb"].Outputs["isAccessControlEnabled"] = false;
        g["adb"].Outputs["isDevTier"] = false;
        g["adb"].Outputs["databaseManagementStatus"] = "NOT_ENABLED";
        g["adb"].Outputs["operationsInsightsStatus"] = "NOT_ENABLED";
        g["adb"].Outputs["isRefreshableClone"] = false;
        g["adb"].Outputs["refreshableMode"] = "";
        g["adb"].Outputs["cloneTableSpaceLists"] = Array.Empty<object>();
        g["adb"].Outputs["longTermBackupSchedules"] = Array.Empty<object>();
        g["adb"].Outputs["openMode"] = "READ_WRITE";
        g["adb"].Outputs["arePrimaryWhitelistedIpsUsed"] = false;
        g["adb"].Outputs["publicEndpoint"] = "";
        g["adb"].Outputs["publicConnectionUrls"] = new[] { new { apexUrl = "", ordsUrl = "", sqlDevWebUrl = "", mongoDbUrl = "", graphStudioUrl = "" } };
        g["adb"].Outputs["backupConfigs"] = new[] { new { manualBackupBucketName = "", manualBackupType = "NONE" } };
        g["adb"].Outputs["dbToolsDetails"] = new[] { "APEX", "DATABASE_ACTIONS", "DATA_TRANSFORMS", "GRAPH_STUDIO", "OML", "ORDS", "MONGODB_API" }
            .Select(n => new { name = n, isEnabled = n != "MONGODB_API", computeCount = 0, maxIdleTimeInMinutes = 0 }).ToArray();
        g["data-bucket"].Outputs["autoTiering"] = "Disabled";
        g["vcn"].Outputs["isIpv6enabled"] = false;
        g["vcn"].Outputs["ipv6privateCidrBlocks"] = Array.Empty<object>();
        g["vcn"].Outputs["defaultDhcpOptionsId"] = RedTeamRound12Cases.DefaultDhcp;
        g["data"].Outputs["dhcpOptionsId"] = RedTeamRound12Cases.DefaultDhcp;
        g["data"].Outputs["ipv6cidrBlocks"] = Array.Empty<object>();
        g["topic-mail"].Outputs["state"] = "ACTIVE";
        g["topic"].Outputs["state"] = "ACTIVE";
        // Lifecycle states a refresh reports for logs, event rules, vaults and keys in use.
        foreach (var spec in g.Specs)
            if (spec.Type is OciTypes.Log or OciTypes.EventRule or OciTypes.Vault) spec.Outputs["state"] = "ACTIVE";
            else if (spec.Type is OciTypes.Key or OciTypes.KeyVersion) spec.Outputs["state"] = "ENABLED";
        return g;
    }

    public static TheoryData<string, GraphPath> RulesAndPaths()
    {
        var data = new TheoryData<string, GraphPath>();
        foreach (var rule in Rules)
        foreach (var path in RuleRunner.AllPaths) data.Add(rule, path);
        return data;
    }

    [Theory]
    [MemberData(nameof(RulesAndPaths))]
    public void OCI_defaults_reported_by_a_refresh_are_not_changes(string rule, GraphPath path)
    {
        var report = RuleRunner.Run(Refreshed(), path, rule);

        Assert.True(report.Findings.All(f => f.Status == FindingStatus.Pass), RuleRunner.Describe(report));
    }

    [Fact]
    public void The_same_setting_changed_in_the_console_still_fails()
    {
        var g = Refreshed();
        g["adb"].Outputs["databaseManagementStatus"] = "ENABLED";

        var report = RuleRunner.Run(g, GraphPath.StackExportJson, "ENC-DB-070");

        Assert.Contains(report.Findings, f => f.Urn == g.Urn("adb") && f.Status == FindingStatus.Fail
            && f.Finding.Message.Contains("deployed databaseManagementStatus is ENABLED", StringComparison.Ordinal));
    }
}
