using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// Red team round 11, IAM and identity. Operators read all of Data Safe, whose discovery keeps sample values of the
/// columns it finds sensitive (and masking reports, audit events and SQL collections the data and statements): reading
/// them is reading the data, so operators read Data Safe's assessments only (ENC-IAM-041). The gatekeepers had no
/// control ceiling: compute, functions, Resource Manager, users and identity domains granted to them passed (ENC-IAM-041
/// now holds them to the enclave's shape). A network source's VCN entry named any VCN (ENC-IDN-097), and a range
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
        new("ENC-IDN-097", "a network source trusting a VCN outside the stack", "vcn-networks",
            g => VcnEntry(g, "ocid1.vcn.oc1.iad.parentcovcn", new[] { "10.0.1.0/24" })),
        new("ENC-IDN-097", "a network source VCN entry naming no VCN", "vcn-networks",
            g => VcnEntry(g, null!, new[] { "10.0.1.0/24" })),
        new("ENC-IDN-006", "a network source's public ranges given as one string", "gatekeeper-networks",
            g => g.With("gatekeeper-networks", "publicSourceLists", "0.0.0.0/0")),
        new("ENC-IDN-006", "a network source VCN entry's ranges given as one string", "vcn-networks",
            g => VcnEntry(g, Ref("vcn"), "0.0.0.0/0")),
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-IDN-097", "a network source VCN entry's VCN a secret", "vcn-networks",
            g => VcnEntry(g, Secret, new[] { "10.0.1.0/24" })),
    ];
}
