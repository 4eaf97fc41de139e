using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.TestSupport.Federation;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Support;

/// <summary>
/// A small enclave that satisfies every rule of the catalogue: the baseline each rule test breaks in one place.
/// Names and addresses are fabricated (RFC 5737 ranges, fake OCIDs). The stack's configuration is here; the
/// resources are added by concern, in this order, by the other parts of this class (CompliantEnclave.*.cs).
/// </summary>
public static partial class CompliantEnclave
{
    public const string Tenancy = "ocid1.tenancy.oc1..enclavetenancy";
    public const string ParentTenancy = "ocid1.tenancy.oc1..parenttenancy";
    public const string SecretPlaintext = "Hunter2-DoNotLeak-7f3a";

    /// <summary>The OCIDs of the enclave's compartments (known in every artifact: they exist already).</summary>
    public const string EnclaveId = "ocid1.compartment.oc1.iad.enclave";
    public const string SecurityId = "ocid1.compartment.oc1.iad.security";

    public static readonly PolicyContext Policy = new()
    {
        TenancyId = Tenancy,
        DeploymentRegion = "us-ashburn-1",
        HomeRegion = "us-ashburn-1",
        GatekeeperGroup = "enclave-gatekeepers",
        OperatorGroup = "enclave-operators",
        AuditorGroup = "enclave-auditors",
        StorageAdminGroup = "enclave-storage-admins",
        LogRetentionDays = 90,
        GatekeeperCidrs = ["198.51.100.0/24"],
        AuditorCidrs = ["203.0.113.0/28"],
        NotificationEmails = ["gatekeepers@enclave.example"],
        // The zone recipe's policy OCIDs, as the stack declares them (oracleIds.securityZonePolicies).
        SecurityZonePolicyIds = [.. Enumerable.Range(1, Enclave.Policy.Rules.Governance.SecurityZoneRecipe.RequiredPolicies.Length)
            .Select(i => $"ocid1.securityzonessecuritypolicy.oc1.iad.p{i}")],
        // Oracle's Cloud Guard recipes the clones start from, as the stack declares them (oracleIds).
        OracleDetectorRecipeIds = ["ocid1.cloudguarddetectorrecipe.oc1..oracleconfiguration", "ocid1.cloudguarddetectorrecipe.oc1..oracleactivity"],
        OracleResponderRecipeIds = ["ocid1.cloudguardresponderrecipe.oc1..oracleresponder"],
        // The region's Object Storage service, as the stack declares it (oracleIds.objectStorageServices): what a gateway
        // attaches where the stack says Object Storage only (the fixture's gateway, under all-services, names another).
        ObjectStorageServiceIds = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [KeyValuePair.Create("us-ashburn-1", "ocid1.service.oc1.iad.os")]),
        Identity = new IdentityPlane
        {
            // Its signing certificate and the next one (rotation) are pinned; the parent company's never is.
            IdentityProviders =
            [
                new TrustedIdentityProvider("UsdsOkta", IdpEntityId, IdpMetadataUrl)
                {
                    SigningCertificateSha256 = [TestCertificates.UsdsSha256, TestCertificates.UsdsNextSha256],
                },
            ],
            Users =
            [
                new BreakGlassAccount("usde-dev-breakglass")
                {
                    Email = "breakglass@enclave.example", Groups = ["enclave-gatekeepers"], Credentials = [UserCredential.ApiKey],
                },
            ],
        },
        OnPremCidrs = ["192.0.2.0/24"],
        VcnCidrs = ["10.0.0.0/16"],
        // The fixture's one subnet serves every role (ENC-NET-115): placements move only when a case adds another.
        Subnets = new SubnetPlan("10.0.1.0/24", "10.0.1.0/24", "10.0.1.0/24"),
        Parent = new ParentExclusions
        {
            TenancyOcids = [ParentTenancy],
            IdentityDomains = ["ParentCorpDomain"],
            Groups = ["parent-admins", "ParentCorpDomain/data-engineers"],
            IdentityProviders = ["parentcorp-saml"],
            EmailDomains = ["parentcorp.example"],
            // A quarter of the documentation range: the auditors (203.0.113.0/28) are US oversight, not the parent.
            Cidrs = ["203.0.113.64/26"],
        },
    };

    public static GraphBuilder Build()
    {
        var g = new GraphBuilder();
        g.Add(OciTypes.Stack, $"{Project}-dev");
        g.Add(OciTypes.Provider, "default", new { region = "us-ashburn-1", version = "4.20.0" });

        // The compartments exist before any change is previewed: their ids are known in every artifact, as the
        // statements that pin principals to them are.
        g.Add(OciTypes.Compartment, "enclave", new { compartmentId = Tenancy, name = "usde-dev", description = "enclave", enableDelete = false }, protect: true).Existing = true;
        g.Add(OciTypes.Compartment, "security", new { compartmentId = Ref("enclave"), name = "usde-dev-security", description = "security" }, protect: true).Existing = true;

        AddNetwork(g);
        AddDataAndLogs(g);
        AddDetection(g);
        AddBastion(g);
        AddIdentity(g);
        return g;
    }

    /// <summary>Replaces one input of a resource (a nested path a.b is not supported: replace the whole top-level value).</summary>
    public static GraphBuilder With(this GraphBuilder g, string resource, string key, object? value)
    {
        g[resource].Inputs[key] = value;
        return g;
    }
}
