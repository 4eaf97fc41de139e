using System.Text.Json.Nodes;
using Enclave.Cli.Common;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// Round 14 of issue 12: two managed resources of one artifact claiming one cloud id (two resources adopting the same
/// object, or a hand-edited state or plan) made ENC-LOG-001 index VCNs by id with a dictionary that refused the second:
/// "internal error: rule ENC-LOG-001 failed", exit 70, for `check`, `access` and `diff` alike. An id two VCNs claim now
/// names neither, so a subnet on it needs its own flow log (fail closed), and every rule runs.
/// </summary>
public sealed class DuplicateIdTests : IDisposable
{
    private readonly CheckHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>The compliant export with every managed resource twice: the twin under another name, with the same id.</summary>
    /// <param name="twins">Add the twins (false: the export as it is).</param>
    /// <param name="vcnFlowLog">The subnet's flow log moved to its VCN (covering the subnet through the VCN's id).</param>
    private string Twinned(bool twins = true, bool vcnFlowLog = false)
    {
        var doc = JsonNode.Parse(File.ReadAllText(CheckHarness.Fixture("compliant-export.json")))!;
        var resources = doc["deployment"]!["resources"]!.AsArray();
        if (vcnFlowLog)
            foreach (var r in resources)
                if (r!["urn"]!.GetValue<string>().EndsWith("::flow-data", StringComparison.Ordinal))
                    r["inputs"]!["configuration"]!["source"]!["resource"] = "ocid1.vcn.oc1.iad.vcn";
        foreach (var r in twins ? resources.ToList() : [])
        {
            if (r!["custom"]?.GetValue<bool>() != true || r["type"]!.GetValue<string>().StartsWith("pulumi:", StringComparison.Ordinal)) continue;
            var twin = r.DeepClone();
            twin["urn"] = r["urn"]!.GetValue<string>() + "-twin";
            resources.Add(twin);
        }
        return _h.Write("twinned.json", doc.ToJsonString());
    }

    [Theory]
    [InlineData("check")]
    [InlineData("access")]
    [InlineData("diff")]
    public async Task Two_resources_with_one_id_are_judged_not_an_internal_error(string command)
    {
        var state = Twinned();
        string[] args = command switch
        {
            "check" => ["check", "--state", state, "--stack", "dev", "--format", "json"],
            "access" => ["access", "dev", "--state", state, "--format", "json"],
            _ => ["diff", CheckHarness.Fixture("compliant-export.json"), state, "--format", "json"],
        };
        var (code, stdout, stderr) = await _h.Run(args);
        Assert.DoesNotContain("internal error", stderr);
        Assert.True(code is ExitCodes.Ok or ExitCodes.Violations, $"exit {code}: {stderr}");
        Assert.NotNull(JsonNode.Parse(stdout));
    }

    [Fact]
    public async Task A_subnet_on_a_vcn_id_two_vcns_claim_is_not_covered_by_a_flow_log_on_that_id()
    {
        Assert.Equal("pass", await DataSubnetFlowLog(Twinned(twins: false, vcnFlowLog: true))); // the VCN's log covers it
        Assert.Equal("fail", await DataSubnetFlowLog(Twinned(twins: true, vcnFlowLog: true)));  // which VCN is that id?
        Assert.Equal("pass", await DataSubnetFlowLog(Twinned(twins: true)));                    // its own log still does
    }

    private async Task<string> DataSubnetFlowLog(string state)
    {
        var (code, stdout, stderr) = await _h.Run("check", "--state", state, "--stack", "dev", "--format", "json", "--rule", "ENC-LOG-001");
        Assert.True(code is ExitCodes.Ok or ExitCodes.Violations, $"exit {code}: {stderr}");
        var finding = JsonNode.Parse(stdout)!["stacks"]![0]!["findings"]!.AsArray()
            .Single(f => f!["urn"]!.GetValue<string>().EndsWith("oci:Core/subnet:Subnet::data", StringComparison.Ordinal));
        return finding!["status"]!.GetValue<string>();
    }
}
