using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>Finer points of single rules that the case matrix does not reach.</summary>
public class RuleDetailTests
{
    private static FindingStatus StatusOf(GraphBuilder g, string ruleId, string resource, GraphPath path = GraphPath.HandKnownIds, PolicyContext? policy = null) =>
        RuleRunner.Run(g, path, ruleId, policy).Findings.Single(f => f.Urn == g.Urn(resource)).Status;

    private static GraphBuilder WithStandby(bool primaryUsesCmk)
    {
        var g = CompliantEnclave.Build();
        if (!primaryUsesCmk) g.With("adb", "kmsKeyId", null);
        g.Add(OciTypes.AutonomousDatabase, "adb-standby", new
        {
            compartmentId = Ref("enclave"), source = "CROSS_REGION_DATAGUARD", sourceId = Ref("adb"), subnetId = Ref("data"),
            isMtlsConnectionRequired = true, isFreeTier = false, customerContacts = new[] { new { email = "gatekeepers@enclave.example" } },
        }, protect: true);
        return g;
    }

    [Theory]
    [InlineData(GraphPath.HandKnownIds)]
    [InlineData(GraphPath.PreviewJson)]
    public void Cross_region_standby_inherits_the_primary_key_and_data_safe(GraphPath path)
    {
        Assert.Equal(FindingStatus.Pass, StatusOf(WithStandby(true), "ENC-DB-003", "adb-standby", path));
        Assert.Equal(FindingStatus.Pass, StatusOf(WithStandby(true), "ENC-DB-004", "adb-standby", path));
        Assert.Equal(FindingStatus.Fail, StatusOf(WithStandby(false), "ENC-DB-003", "adb-standby", path));
    }

    [Fact]
    public void Standby_outside_the_allowed_regions_fails_residency()
    {
        var g = WithStandby(true);
        g.Add(OciTypes.Provider, "frankfurt", new { region = "eu-frankfurt-1" });
        g["adb-standby"].Provider = "frankfurt";
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-REG-002", "adb-standby"));
    }

    [Fact]
    public void Peer_database_region_is_read_from_its_ocid()
    {
        var g = CompliantEnclave.Build().With("adb", "peerDbId", "ocid1.autonomousdatabase.oc1.fra.peer");
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-REG-002", "adb"));
        g.With("adb", "peerDbId", "ocid1.autonomousdatabase.oc1.phx.peer");
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-REG-002", "adb"));
    }

    [Fact]
    public void Parent_group_given_by_ocid_is_caught_when_a_statement_names_that_ocid()
    {
        var policy = CompliantEnclave.Policy with { Parent = CompliantEnclave.Policy.Parent with { Groups = ["ocid1.group.oc1..parentgroup"] } };
        Assert.Equal(FindingStatus.Pass, StatusOf(CompliantEnclave.Build(), "ENC-IAM-003", "root-policy", policy: policy));
        var g = CompliantEnclave.Build();
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!)
            .Append("allow group id ocid1.group.oc1..parentgroup to read buckets in tenancy").ToArray());
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-IAM-003", "root-policy", policy: policy));
    }

    [Fact]
    public void Parent_domain_groups_are_caught_but_default_domain_groups_are_not_theirs()
    {
        var g = CompliantEnclave.Build();
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!)
            .Append("allow group 'ParentCorpDomain'/'analysts' to read buckets in tenancy").ToArray());
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-IAM-003", "root-policy"));
    }

    [Fact]
    public void Define_and_endorse_on_the_allow_list_pass_but_admit_never_does()
    {
        const string define = "define tenancy usage-report as ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq";
        const string endorse = "endorse group enclave-auditors to read objects in tenancy usage-report";
        var policy = CompliantEnclave.Policy with { AllowedCrossTenancyStatements = [define, endorse] };
        var g = CompliantEnclave.Build();
        var statements = (string[])g["root-policy"].Inputs["statements"]!;
        g.With("root-policy", "statements", statements.Append(define).Append("endorse   group enclave-auditors to read objects in tenancy usage-report").ToArray());
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-IAM-001", "root-policy", policy: policy));
        g.With("root-policy", "statements", statements.Append(define).Append("admit group x of tenancy usage-report to read objects in tenancy").ToArray());
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-IAM-001", "root-policy", policy: policy));
    }

    [Fact]
    public void Event_rules_need_both_idp_group_mapping_spellings()
    {
        var g = CompliantEnclave.Build();
        var types = CompliantEnclave.AllCisEventTypes.Where(t => !t.EndsWith("addidpgroupmapping")).ToArray();
        g.With("cis-events", "condition", System.Text.Json.JsonSerializer.Serialize(new { eventType = types }));
        var stack = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-LOG-004").Findings.Single(f => f.Urn.Contains("pulumi:pulumi:Stack::"));
        Assert.Equal(FindingStatus.Fail, stack.Status);
        Assert.Contains("CIS 4.4", stack.Finding.Message);
        Assert.DoesNotContain("CIS 4.5", stack.Finding.Message);
    }

    [Fact]
    public void Event_rule_outside_the_root_compartment_does_not_count()
    {
        var g = CompliantEnclave.Build().With("cis-events", "compartmentId", Ref("security"));
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-LOG-004", "cis-events"));
    }

    [Fact]
    public void Flow_log_on_the_vcn_covers_its_subnets()
    {
        var g = CompliantEnclave.Build();
        g.Remove("flow-data");
        g.Add(OciTypes.Log, "flow-vcn", CompliantEnclave.FlowLog("vcn"), protect: true);
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-LOG-001", "data"));
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-LOG-001", "data", GraphPath.PreviewJson));
    }

    [Fact]
    public void Route_to_a_drg_is_allowed_only_for_gatekeeper_on_premises_ranges()
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.Drg, "drg", new { compartmentId = Ref("enclave") });
        g.With("data-rt", "routeRules", new[] { new { networkEntityId = Ref("drg"), destination = "192.0.2.0/25", destinationType = "CIDR_BLOCK" } });
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-NET-003", "data-rt"));
        Assert.Equal(FindingStatus.Pass, StatusOf(g, "ENC-NET-003", "data-rt", GraphPath.PreviewJson));
    }

    [Fact]
    public void Unknown_route_target_with_several_gateways_in_its_dependencies_is_undetermined()
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.InternetGateway, "igw", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn") });
        g.With("data-rt", "routeRules", new object[]
        {
            new { networkEntityId = Ref("sgw"), destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" },
            new { networkEntityId = Ref("igw"), destination = "0.0.0.0/0", destinationType = "CIDR_BLOCK" },
        });
        Assert.Equal(FindingStatus.Fail, StatusOf(g, "ENC-NET-003", "data-rt", GraphPath.HandKnownIds));
        // In a preview both targets are unknown and both gateways feed routeRules: which is which is not known yet.
        Assert.Equal(FindingStatus.Undetermined, StatusOf(g, "ENC-NET-003", "data-rt", GraphPath.PreviewJson));
    }

    [Fact]
    public void Nsg_egress_rules_are_not_judged_as_ingress()
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.NsgRule, "db-nsg-out", new { networkSecurityGroupId = Ref("db-nsg"), direction = "EGRESS", protocol = "6", destination = "0.0.0.0/0" });
        Assert.DoesNotContain(RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-NET-005").Findings, f => f.Urn == g.Urn("db-nsg-out"));
    }

    [Fact]
    public void Parent_identity_is_matched_as_a_whole_word()
    {
        Assert.True(Enclave.Policy.Rules.Governance.NoParentIdentities.ContainsWord("soc@parentcorp.example", "parentcorp.example"));
        Assert.False(Enclave.Policy.Rules.Governance.NoParentIdentities.ContainsWord("notparent-admins-team", "parent-admins"));
        Assert.True(Enclave.Policy.Rules.Governance.NoParentIdentities.ContainsWord("allow group parent-admins to", "PARENT-ADMINS"));
    }

    [Fact]
    public void Known_outputs_stand_in_for_unset_inputs_but_uncomputed_ones_do_not()
    {
        var node = ResourceNode.Create("urn:pulumi:dev::p::oci:Core/subnet:Subnet::s", OciTypes.Subnet, "s") with
        {
            Outputs = PropertyValue.Map(("prohibitPublicIpOnVnic", PropertyValue.Of(true)), ("routeTableId", PropertyValue.Unknown)),
        };
        Assert.Equal(PropertyValue.Of(true), node.Input("prohibitPublicIpOnVnic"));
        Assert.True(node.Input("routeTableId").IsNull);
    }
}
