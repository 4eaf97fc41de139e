using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Iam.DataAccess;
using Enclave.TestSupport.Federation;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Support;

/// <summary>The compliant enclave's identities: password policy, persona groups, the identity plane and the policies.</summary>
public static partial class CompliantEnclave
{
    /// <summary>The trusted identity provider's SAML entity id, and metadata that declares it and its pinned signing certificate.</summary>
    public const string IdpEntityId = "https://usds.okta.example/saml";
    public const string IdpMetadataUrl = "https://usds.okta.example/metadata";
    public static string IdpMetadata(string entityId = IdpEntityId, params string[] certificates) =>
        TestCertificates.Metadata(entityId, certificates.Length == 0 ? [TestCertificates.Usds] : certificates);

    /// <summary>The gatekeepers' network source, and the condition persona grants on data carry.</summary>
    public const string NetworkSource = "usde-dev-gatekeeper-networks";
    public const string FromGatekeeperNetworks = "request.networkSource.name = '" + NetworkSource + "'";

    /// <summary>The auditors' own network source, and the condition their grants carry.</summary>
    public const string AuditorNetworkSource = "usde-dev-auditor-networks";
    public const string FromAuditorNetworks = "request.networkSource.name = '" + AuditorNetworkSource + "'";

    /// <summary>The MFA condition every persona grant carries (ENC-IAM-031).</summary>
    public const string WithMfa = "request.user.mfaTotpVerified = 'true'";

    /// <summary>The password policy, persona groups, identity provider, break-glass user, network sources, dynamic group and policies.</summary>
    private static void AddIdentity(GraphBuilder g)
    {
        // CIS 1.4 (ENC-IAM-032): the tenancy's password policy; sign-in only from the personas' networks (ENC-IDN-091).
        g.Add(OciTypes.AuthenticationPolicy, "password-policy", new
        {
            compartmentId = Tenancy,
            networkPolicy = new { networkSourceIds = new[] { Ref("gatekeeper-networks"), Ref("auditor-networks") } },
            passwordPolicy = new
            {
                minimumPasswordLength = 14, isLowercaseCharactersRequired = true, isUppercaseCharactersRequired = true,
                isNumericCharactersRequired = true, isSpecialCharactersRequired = true, isUsernameContainmentAllowed = false,
            },
        });
        g.Add(OciTypes.Group, "gatekeepers", new { compartmentId = Tenancy, name = "enclave-gatekeepers", description = "US gatekeepers" });
        g.Add(OciTypes.Group, "operators", new { compartmentId = Tenancy, name = "enclave-operators", description = "operators" });
        g.Add(OciTypes.Group, "storage-admins", new { compartmentId = Tenancy, name = "enclave-storage-admins", description = "storage" });
        g.Add(OciTypes.Group, "auditors", new { compartmentId = Tenancy, name = "enclave-auditors", description = "US oversight" });
        // The identity plane: a pinned identity provider mapping into the gatekeepers, one break-glass user with its
        // membership and API key, and (below) the gatekeepers' network source.
        g.Add(OciTypes.IdentityProvider, "usds-idp", new
        {
            compartmentId = Tenancy, name = "UsdsOkta", description = "US data-security team's Okta", productType = "IDCS",
            protocol = "SAML2", metadataUrl = IdpMetadataUrl, metadata = IdpMetadata(),
        });
        g.Add(OciTypes.IdpGroupMapping, "usds-gatekeepers", new { groupId = Ref("gatekeepers"), identityProviderId = Ref("usds-idp"), idpGroupName = "usds-gatekeepers" });
        g.Add(OciTypes.User, "breakglass", new { compartmentId = Tenancy, name = "usde-dev-breakglass", description = "break-glass", email = "breakglass@enclave.example" });
        g.Add(OciTypes.UserGroupMembership, "breakglass-gatekeeper", new { groupId = Ref("gatekeepers"), userId = Ref("breakglass") });
        g.Add(OciTypes.ApiKey, "breakglass-key", new { userId = Ref("breakglass"), keyValue = "-----BEGIN PUBLIC KEY-----MIIBIjAN-----END PUBLIC KEY-----" });
        g.Add(EnclaveIdentities.NetworkSourceType, "gatekeeper-networks", new
        {
            compartmentId = Tenancy, name = NetworkSource, description = "gatekeeper networks", publicSourceLists = new[] { "198.51.100.0/24" },
        });
        g.Add(EnclaveIdentities.DynamicGroupType, "adb-dg", new
        {
            compartmentId = Tenancy, name = "usde-dev-adb", description = "the database's resource principal",
            matchingRule = $"ALL {{resource.type = 'autonomousdatabase', resource.compartment.id = '{EnclaveId}'}}",
        });
        // US oversight's grant floor (ENC-IAM-116): the auditors from their own network source with MFA, and Cloud Guard.
        g.Add(EnclaveIdentities.NetworkSourceType, "auditor-networks", new
        {
            compartmentId = Tenancy, name = AuditorNetworkSource, description = "auditor networks", publicSourceLists = new[] { "203.0.113.0/28" },
        });
        g.Add(OciTypes.Policy, "oversight-policy", new
        {
            compartmentId = Tenancy, name = "usde-dev-oversight", description = "US oversight",
            statements = new[]
            {
                $"allow group enclave-auditors to read audit-events in tenancy where all {{{FromAuditorNetworks}, {WithMfa}}}",
                $"allow group enclave-auditors to inspect all-resources in compartment usde-dev where all {{{FromAuditorNetworks}, {WithMfa}}}",
                $"allow group enclave-auditors to read log-content in compartment usde-dev where all {{{FromAuditorNetworks}, {WithMfa}}}",
                "allow service cloudguard to read all-resources in tenancy",
                "allow service cloudguard to use network-security-groups in tenancy",
            },
        });
        g.Add(OciTypes.Policy, "root-policy", new
        {
            compartmentId = Tenancy, name = "usde-dev-gatekeepers", description = "gatekeepers",
            statements = new[]
            {
                $"allow group enclave-gatekeepers to manage policies in tenancy where all {{{FromGatekeeperNetworks}, {WithMfa}}}",
                $"allow group enclave-gatekeepers to manage groups in tenancy where all {{target.group.name != 'Administrators', {FromGatekeeperNetworks}, {WithMfa}}}",
                // Operators run the database (start/stop) without reading it (ENC-IAM-009).
                $"allow group enclave-operators to use autonomous-databases in compartment usde-dev where all {{any {{request.operation = 'StartAutonomousDatabase', request.operation = 'StopAutonomousDatabase'}}, {FromGatekeeperNetworks}, {WithMfa}}}",
                // usde-dev holds the archive's compartment too: the storage admins' deletes are pinned to the user data (ENC-IAM-080).
                $"allow group enclave-storage-admins to manage object-family in compartment usde-dev where all {{any {{request.permission = 'BUCKET_DELETE', request.permission = 'OBJECT_DELETE'}}, target.bucket.name = 'usde-dev-data', {FromGatekeeperNetworks}, {WithMfa}}}",
                $"allow any-user to manage objects in compartment usde-dev where all {{request.principal.type = 'serviceconnector', request.principal.compartment.id = '{SecurityId}', target.bucket.name = 'usde-dev-archive'}}",
                "allow dynamic-group usde-dev-adb to use vaults in compartment usde-dev",
            },
        });
    }
}
