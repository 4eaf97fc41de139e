using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red team round 11, IAM and identity. Operators read all of Data Safe, whose discovery keeps sample values of the
/// columns it finds sensitive (and masking reports, audit events and SQL collections the data and statements): reading
/// them is reading the data, so operators read Data Safe's assessments only (ENC-IAM-041). The gatekeepers had no
/// control ceiling: compute, functions, Resource Manager, users and identity domains granted to them passed (ENC-IAM-041
/// now holds them to the enclave's shape). The enclave's own resources (any-user pinned to its compartments) could
/// manage the network or deliver to streams, functions and topics anywhere in the tenancy (ENC-IAM-097). A network source's VCN entry named any VCN (ENC-IDN-097), and a range
/// list given as a single string was read as no ranges (ENC-IDN-006).
/// </summary>
public static class IdentityRound11Cases
{
    private static void AddStatement(GraphBuilder g, string statement) =>
        g.With("root-policy", "statements", ((string[])g["root-policy"].Inputs["statements"]!).Append(statement).ToArray());

    private const string Guard = $"where all {{{CompliantEnclave.FromGatekeeperNetworks}, {CompliantEnclave.WithMfa}}}";

    private static void VcnEntry(GraphBuilder g, object vcnId, object ipRanges) =>
        g.Add(OciTypes.NetworkSource, "vcn-networks", new
        {
            compartmentId = CompliantEnclave.Tenancy, name = "usde-dev-vcn-networks", description = "the enclave VCN's hosts",
            virtualSourceLists = new[] { new { vcnId, ipRanges } },
        });

    public static readonly RuleCase[] Failing =
    [
        new("ENC-IAM-041", "operators read the whole Data Safe family (discovery's sample values)", "root-policy",
            g => AddStatement(g, $"allow group enclave-operators to read data-safe-family in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "operators read Data Safe's sensitive data models", "root-policy",
            g => AddStatement(g, $"allow group enclave-operators to read data-safe-sensitive-data-models in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "operators use (read) Data Safe's masking family", "root-policy",
            g => AddStatement(g, $"allow group enclave-operators to use data-safe-masking-family in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "gatekeepers manage instances", "root-policy",
            g => AddStatement(g, $"allow group enclave-gatekeepers to manage instance-family in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "gatekeepers manage users (a user made out of band)", "root-policy",
            g => AddStatement(g, $"allow group enclave-gatekeepers to manage users in tenancy {Guard}")),
        new("ENC-IAM-041", "gatekeepers administer identity domains", "root-policy",
            g => AddStatement(g, $"allow group enclave-gatekeepers to use domains in tenancy {Guard}")),
        new("ENC-IAM-041", "gatekeepers read Resource Manager stacks (Terraform state with secrets)", "root-policy",
            g => AddStatement(g, $"allow group enclave-gatekeepers to read orm-stacks in compartment usde-dev {Guard}")),
        new("ENC-IAM-041", "gatekeepers hold a domain-administration permission", "root-policy",
            g => AddStatement(g, $"allow group enclave-gatekeepers to {{DOMAIN_UPDATE}} in tenancy {Guard}")),
        // A compartment id the stack does not declare may be the tenancy or a compartment above the enclave (prod's top
        // compartment sits under one): read as reaching only itself, it let a grant reach every bucket.
        new("ENC-IAM-080", "gatekeepers read objects in a compartment id the stack does not declare (it may be above the enclave)", "root-policy",
            g => AddStatement(g, $"allow group enclave-gatekeepers to read objects in compartment id ocid1.compartment.oc1..aboveenclave {Guard}")),
        // Principals admitted by a condition (the enclave's own resources) act only inside it, on what its machines use
        // (ENC-IAM-097): the database's resource principal managing the network, or the connectors delivering to
        // streams, functions or topics anywhere in the tenancy, passed every rule.
        new("ENC-IAM-097", "the database's resource principal (any-user pinned to the enclave) manages the network", "root-policy",
            g => AddStatement(g, $"allow any-user to manage virtual-network-family in compartment usde-dev where all {{request.principal.type = 'autonomousdatabase', {EnclavePin}}}")),
        new("ENC-IAM-097", "the enclave's connectors use streams anywhere in the tenancy", "root-policy",
            g => AddStatement(g, $"allow any-user to use stream-family in tenancy where all {{request.principal.type = 'serviceconnector', {SecurityPin}}}")),
        new("ENC-IAM-097", "the enclave's connectors publish to topics anywhere in the tenancy", "root-policy",
            g => AddStatement(g, $"allow any-user to use ons-topics in tenancy where all {{request.principal.type = 'serviceconnector', {SecurityPin}}}")),
        new("ENC-IAM-097", "the enclave's resources invoke functions by permission", "root-policy",
            g => AddStatement(g, $"allow any-user to {{FN_INVOCATION}} in compartment usde-dev where {EnclavePin}")),
        // A compartment pin admits whatever is placed there: such principals write the log archive only; the user data is
        // the stack's dynamic groups' (ENC-IAM-090 let a connector of the security compartment reach the user-data bucket).
        new("ENC-IAM-090", "the security compartment's connectors write the user-data bucket", "root-policy",
            g =>
            {
                // The archive connector's bucket by its literal name, so that every form knows which bucket is the archive.
                g.With("archive-connector", "target", new { kind = "objectStorage", bucket = "usde-dev-archive", @namespace = "enclavens" });
                AddStatement(g, $"allow any-user to manage objects in compartment usde-dev where all {{request.principal.type = 'serviceconnector', {SecurityPin}, target.bucket.name = 'usde-dev-data'}}");
            }),
        new("ENC-IDN-097", "a network source trusting a VCN outside the stack", "vcn-networks",
            g => VcnEntry(g, "ocid1.vcn.oc1.iad.parentcovcn", new[] { "10.0.1.0/24" })),
        new("ENC-IDN-097", "a network source VCN entry naming no VCN", "vcn-networks",
            g => VcnEntry(g, null!, new[] { "10.0.1.0/24" })),
        new("ENC-IDN-006", "a network source's public ranges given as one string", "gatekeeper-networks",
            g => g.With("gatekeeper-networks", "publicSourceLists", "0.0.0.0/0")),
        new("ENC-IDN-006", "a network source VCN entry's ranges given as one string", "vcn-networks",
            g => VcnEntry(g, Ref("vcn"), "0.0.0.0/0")),
    ];

    private const string EnclavePin = $"request.principal.compartment.id = '{CompliantEnclave.EnclaveId}'";
    private const string SecurityPin = $"request.principal.compartment.id = '{CompliantEnclave.SecurityId}'";

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IAM-097", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IDN-097", "a network source VCN entry's VCN a secret", "vcn-networks",
            g => VcnEntry(g, Secret, new[] { "10.0.1.0/24" })),
    ];
}
