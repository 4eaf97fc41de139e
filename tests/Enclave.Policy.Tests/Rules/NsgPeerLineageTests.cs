using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.CompliantEnclave;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Two fail-open suspicions in the NSG rules (round 9): recorded lineage taken as proof that a known string names a
/// stack NSG (ENC-NET-030, ENC-NET-070), and an all-services label whose peer type a preview cannot read (ENC-NET-011).
/// </summary>
public class NsgPeerLineageTests
{
    private const string ParentNsg = "ocid1.networksecuritygroup.oc1.iad.aaaaaaaaexampleparentconsg";
    private const string AllServices = "all-iad-services-in-oracle-services-network";
    private static readonly PolicyContext ObjectStorageOnly = CompliantEnclave.Policy with { ServiceGatewayObjectStorageOnly = true };

    /// <summary>
    /// The stack plus a new NSG whose <c>name</c> input is a foreign NSG's OCID, and a rule whose peer is built from that
    /// input: a known string recorded as built from a stack NSG. With ids unknown (a preview) that NSG has no id yet, so
    /// only lineage could tie the string to it.
    /// </summary>
    private static GraphBuilder WithPeer(string direction, object peer)
    {
        var g = Build();
        g.Add(OciTypes.NetworkSecurityGroup, "decoy-nsg", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), name = ParentNsg });
        var ingress = direction == "INGRESS";
        g.Add(OciTypes.NsgRule, "peer-rule", new Dictionary<string, object?>
        {
            ["networkSecurityGroupId"] = Ref("db-nsg"), ["direction"] = direction, ["protocol"] = "6",
            [ingress ? "source" : "destination"] = peer, [ingress ? "sourceType" : "destinationType"] = "NETWORK_SECURITY_GROUP",
        });
        return g;
    }

    private static FindingStatus StatusOf(GraphBuilder g, GraphPath path, string rule, PolicyContext? policy = null) =>
        RuleRunner.Run(g, path, rule, policy).Findings.Single(f => f.Urn == g.Urn("peer-rule")).Status;

    /// <summary>The two rules that judge an NSG peer: ENC-NET-030 its ingress sources, ENC-NET-070 its egress destinations.</summary>
    private static readonly (string Rule, string Direction)[] PeerRules = [("ENC-NET-030", "INGRESS"), ("ENC-NET-070", "EGRESS")];

    /// <summary>Each peer rule in each of <paramref name="forms"/>.</summary>
    private static TheoryData<string, string, GraphPath> InForms(params GraphPath[] forms)
    {
        var data = new TheoryData<string, string, GraphPath>();
        foreach (var (rule, direction) in PeerRules)
            foreach (var form in forms) data.Add(rule, direction, form);
        return data;
    }

    /// <summary>Forms in which the decoy NSG's id is not known, or its string is read back from a file.</summary>
    public static TheoryData<string, string, GraphPath> LineageForms => InForms(GraphPath.HandUnknownIds, GraphPath.PreviewJson, GraphPath.StackExportJson);

    /// <summary>Forms in which the stack NSG's id is not known yet, and one in which it is.</summary>
    public static TheoryData<string, string, GraphPath> StackNsgForms => InForms(GraphPath.HandUnknownIds, GraphPath.PreviewJson, GraphPath.HandKnownIds);

    public static TheoryData<string, string> PeerRuleData
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (rule, direction) in PeerRules) data.Add(rule, direction);
            return data;
        }
    }

    /// <summary>A foreign NSG's OCID recorded as built from a stack NSG without an id fails: lineage vouches for unknowns only.</summary>
    [Theory]
    [MemberData(nameof(LineageForms))]
    public void A_known_foreign_nsg_id_never_passes_on_recorded_lineage(string rule, string direction, GraphPath path) =>
        Assert.Equal(FindingStatus.Fail, StatusOf(WithPeer(direction, NameOf("decoy-nsg")), path, rule));

    /// <summary>
    /// The legitimate counterpart: a new stack NSG's id, not known yet and built from that NSG alone, passes; once known,
    /// it is the NSG's id and passes on its own.
    /// </summary>
    [Theory]
    [MemberData(nameof(StackNsgForms))]
    public void A_stack_nsg_id_not_known_yet_passes_on_its_lineage(string rule, string direction, GraphPath path) =>
        Assert.Equal(FindingStatus.Pass, StatusOf(WithPeer(direction, Ref("decoy-nsg")), path, rule));

    /// <summary>An unknown peer with no lineage may be any NSG: undetermined, never a pass.</summary>
    [Theory]
    [MemberData(nameof(PeerRuleData))]
    public void An_unknown_nsg_peer_without_lineage_is_undetermined(string rule, string direction) =>
        Assert.Equal(FindingStatus.Undetermined, StatusOf(WithPeer(direction, Unknown), GraphPath.HandUnknownIds, rule));

    private static GraphBuilder ServiceIngress(object source, object sourceType)
    {
        var g = Build();
        g.Add(OciTypes.NsgRule, "peer-rule", new
        {
            networkSecurityGroupId = Ref("db-nsg"), direction = "INGRESS", protocol = "6", source, sourceType,
        });
        return g;
    }

    /// <summary>
    /// ENC-NET-011 where the stack says Object Storage only: ingress from the all-services label fails in every form, also
    /// when a preview cannot read the source type (the export of the same change reads SERVICE_CIDR_BLOCK and fails).
    /// </summary>
    [Theory]
    [InlineData(GraphPath.HandKnownIds, false)]
    [InlineData(GraphPath.StackExportJson, false)]
    [InlineData(GraphPath.PreviewJson, false)]
    [InlineData(GraphPath.HandUnknownIds, true)]
    [InlineData(GraphPath.PreviewJson, true)]
    public void Ingress_from_all_oracle_services_fails_whatever_the_form(GraphPath path, bool typeUnknown) =>
        Assert.Equal(FindingStatus.Fail,
            StatusOf(ServiceIngress(AllServices, typeUnknown ? Unknown : "SERVICE_CIDR_BLOCK"), path, "ENC-NET-011", ObjectStorageOnly));

    /// <summary>
    /// The Object Storage label passes with its type unread; a service source the gate cannot read fails (undetermined
    /// would be advisory in a preview, and ENC-NET-030 admits every service label).
    /// </summary>
    [Theory]
    [InlineData("oci-iad-objectstorage", false, FindingStatus.Pass)]
    [InlineData(null, true, FindingStatus.Fail)]
    public void Object_storage_passes_and_an_unread_service_source_fails(string? label, bool sourceUnknown, FindingStatus expected) =>
        Assert.Equal(expected, StatusOf(ServiceIngress(sourceUnknown ? Unknown : label!, sourceUnknown ? "SERVICE_CIDR_BLOCK" : Unknown),
            GraphPath.HandUnknownIds, "ENC-NET-011", ObjectStorageOnly));
}
