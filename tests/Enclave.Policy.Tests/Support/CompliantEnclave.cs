using Enclave.Policy.Graph;
using System.Collections.Immutable;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Rules.Iam.DataAccess;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Support;

/// <summary>
/// A small enclave that satisfies every rule of the catalogue: the baseline each rule test breaks in one place.
/// Names and addresses are fabricated (RFC 5737 ranges, fake OCIDs).
/// </summary>
public static class CompliantEnclave
{
    public const string Tenancy = "ocid1.tenancy.oc1..enclavetenancy";
    public const string ParentTenancy = "ocid1.tenancy.oc1..parenttenancy";
    public const string SecretPlaintext = "Hunter2-DoNotLeak-7f3a";

    /// <summary>The trusted identity provider's SAML entity id, and metadata that declares it.</summary>
    public const string IdpEntityId = "https://usds.okta.example/saml";
    public const string IdpMetadataUrl = "https://usds.okta.example/metadata";
    public static string IdpMetadata(string entityId = IdpEntityId) =>
        $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{entityId}\"><md:IDPSSODescriptor/></md:EntityDescriptor>";

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
        Identity = new IdentityPlane
        {
            IdentityProviders = [new TrustedIdentityProvider("UsdsOkta", IdpEntityId, IdpMetadataUrl)],
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

    public static readonly string[] AllCisEventTypes = Enclave.Policy.Rules.Logging.CisEventTypes.All.SelectMany(c => c.EventTypes).ToArray();

    /// <summary>The enclave's threat event types beyond CIS (ENC-LOG-020).</summary>
    public static readonly string[] AllThreatEventTypes = Enclave.Policy.Rules.Logging.ThreatEventTypes.All.SelectMany(c => c.EventTypes).ToArray();

    /// <summary>An audit-alert connector as the program declares it: the audit log of every compartment, filtered to
    /// the alerted operations of a region that is (or is not) the home region, notifying <paramref name="topic"/>.</summary>
    public static object AuditAlertConnector(string topic, bool isHome) => new
    {
        compartmentId = Ref("security"), displayName = "usde-dev-audit-alerts",
        source = new { kind = "logging", logSources = new object[] { new { compartmentId = Tenancy, logGroupId = "_Audit_Include_Subcompartment" } } },
        tasks = new object[] { new { kind = "logRule", condition = Enclave.Alerts.AuditCondition.For(Enclave.Alerts.AuditAlerts.OperationsIn(isHome)) } },
        target = new { kind = "notifications", topicId = Ref(topic), enableFormattedMessaging = true },
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

        g.Add(OciTypes.Vcn, "vcn", new { compartmentId = Ref("enclave"), cidrBlocks = new[] { "10.0.0.0/16" }, displayName = "usde-dev-vcn" })
            .Outputs["defaultSecurityListId"] = "ocid1.securitylist.oc1.iad.default";
        g.Add(OciTypes.DefaultSecurityList, "default-sl", new { manageDefaultResourceId = OutputOf("vcn", "defaultSecurityListId"), compartmentId = Ref("enclave") });
        g.Add(OciTypes.ServiceGateway, "sgw", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), services = new[] { new { serviceId = "ocid1.service.oc1.iad.all" } } });
        g.Add(OciTypes.RouteTable, "data-rt", new
        {
            compartmentId = Ref("enclave"), vcnId = Ref("vcn"),
            routeRules = new[] { new { networkEntityId = Ref("sgw"), destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" } },
        });
        g.Add(OciTypes.SecurityList, "data-sl", new
        {
            compartmentId = Ref("enclave"), vcnId = Ref("vcn"),
            ingressSecurityRules = new[] { new { protocol = "6", source = "10.0.0.0/16", tcpOptions = new { min = 1522, max = 1522 } } },
            egressSecurityRules = new[] { new { protocol = "6", destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" } },
        });
        g.Add(OciTypes.Subnet, "data", new
        {
            compartmentId = Ref("enclave"), vcnId = Ref("vcn"), cidrBlock = "10.0.1.0/24", prohibitPublicIpOnVnic = true,
            prohibitInternetIngress = true, routeTableId = Ref("data-rt"), securityListIds = new[] { Ref("data-sl") },
        });
        g.Add(OciTypes.NetworkSecurityGroup, "db-nsg", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn") });
        g.Add(OciTypes.NsgRule, "db-nsg-in", new
        {
            networkSecurityGroupId = Ref("db-nsg"), direction = "INGRESS", protocol = "6", source = "10.0.0.0/16", sourceType = "CIDR_BLOCK",
            tcpOptions = new { destinationPortRange = new { min = 1522, max = 1522 } },
        });

        g.Add(OciTypes.LogGroup, "logs", new { compartmentId = Ref("security"), displayName = "usde-dev-logs" }, protect: true);
        g.Add(OciTypes.Log, "flow-data", FlowLog("data"), protect: true);

        g.Add(OciTypes.Vault, "vault", new { compartmentId = Ref("security"), displayName = "usde-dev-vault", vaultType = "VIRTUAL_PRIVATE" }, protect: true)
            .Outputs["managementEndpoint"] = "https://devvault-management.kms.us-ashburn-1.oraclecloud.com";
        g.Add(OciTypes.Key, "key", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-key", managementEndpoint = "out:vault:managementEndpoint",
            keyShape = new { algorithm = "AES", length = 32 }, protectionMode = "HSM", isAutoRotationEnabled = true,
            autoKeyRotationDetails = new { rotationIntervalInDays = 90 },
        }, protect: true);

        g.Add(OciTypes.AutonomousDatabase, "adb", new
        {
            compartmentId = Ref("enclave"), dbName = "usdedev", subnetId = Ref("data"), nsgIds = new[] { Ref("db-nsg") },
            isMtlsConnectionRequired = true, kmsKeyId = Ref("key"), vaultId = Ref("vault"),
            customerContacts = new[] { new { email = "gatekeepers@enclave.example" } }, isFreeTier = false,
            adminPassword = Secret, dbWorkload = "OLTP",
        }, protect: true);

        // A private-endpoint database is reachable by Data Safe only through a Data Safe private endpoint (ENC-DB-004).
        g.Add(OciTypes.DataSafePrivateEndpoint, "ds-pe", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-datasafe", vcnId = Ref("vcn"), subnetId = Ref("data"), nsgIds = new[] { Ref("db-nsg") },
        });
        g.Add(OciTypes.DataSafeTargetDatabase, "ds-target", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-adb",
            databaseDetails = new { databaseType = "AUTONOMOUS_DATABASE", infrastructureType = "ORACLE_CLOUD", autonomousDatabaseId = Ref("adb") },
            connectionOption = new { connectionType = "PRIVATE_ENDPOINT", datasafePrivateEndpointId = Ref("ds-pe") },
        });

        g.Add(OciTypes.Bucket, "data-bucket", new
        {
            compartmentId = Ref("enclave"), name = "usde-dev-data", @namespace = "enclavens", accessType = "NoPublicAccess",
            kmsKeyId = Ref("key"), versioning = "Enabled", objectEventsEnabled = true,
        }, protect: true);
        g.Add(OciTypes.Bucket, "archive", new
        {
            compartmentId = Ref("security"), name = "usde-dev-archive", @namespace = "enclavens", kmsKeyId = Ref("key"), objectEventsEnabled = true,
            retentionRules = new[] { new { displayName = "lock", duration = new { timeAmount = "365", timeUnit = "DAYS" }, timeRuleLocked = "2026-05-01T00:00:00Z" } },
        }, protect: true);
        g.Add(OciTypes.Log, "write-data-bucket", BucketLog("data-bucket"), protect: true);
        g.Add(OciTypes.Log, "write-archive", BucketLog("archive"), protect: true);
        // Reads too (ENC-LOG-022): exfiltration is a read.
        g.Add(OciTypes.Log, "read-data-bucket", BucketLog("data-bucket", "read"), protect: true);
        g.Add(OciTypes.Log, "read-archive", BucketLog("archive", "read"), protect: true);

        g.Add(OciTypes.Connector, "archive-connector", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-archive",
            source = new
            {
                kind = "logging",
                logSources = new object[]
                {
                    new { compartmentId = Tenancy, logGroupId = "_Audit_Include_Subcompartment" },
                    new { compartmentId = Ref("security"), logGroupId = Ref("logs") },
                },
            },
            target = new { kind = "objectStorage", bucket = NameOf("archive"), @namespace = "enclavens" },
        });
        g.Add(OciTypes.AuditConfiguration, "audit", new { compartmentId = Tenancy, retentionPeriodDays = 365 });
        g.Add(OciTypes.CloudGuardConfiguration, "cloud-guard", new { compartmentId = Tenancy, reportingRegion = "us-ashburn-1", status = "ENABLED" });
        // Cloud Guard that detects (ENC-GOV-010): a target on the top compartment with configuration and activity
        // detector recipes and a responder recipe, each cloned from Oracle's.
        g.Add(OciTypes.DetectorRecipe, "cg-configuration", new { compartmentId = Ref("security"), displayName = "usde-dev-configuration", sourceDetectorRecipeId = "ocid1.cloudguarddetectorrecipe.oc1..oracleconfiguration" });
        g.Add(OciTypes.DetectorRecipe, "cg-activity", new { compartmentId = Ref("security"), displayName = "usde-dev-activity", sourceDetectorRecipeId = "ocid1.cloudguarddetectorrecipe.oc1..oracleactivity" });
        g.Add(OciTypes.ResponderRecipe, "cg-responder", new { compartmentId = Ref("security"), displayName = "usde-dev-responder", sourceResponderRecipeId = "ocid1.cloudguardresponderrecipe.oc1..oracleresponder" });
        g.Add(OciTypes.CloudGuardTarget, "cg-target", new
        {
            compartmentId = Ref("enclave"), displayName = "usde-dev", targetResourceType = "COMPARTMENT", targetResourceId = Ref("enclave"),
            targetDetectorRecipes = new[] { new { detectorRecipeId = Ref("cg-configuration") }, new { detectorRecipeId = Ref("cg-activity") } },
            targetResponderRecipes = new[] { new { responderRecipeId = Ref("cg-responder") } },
        });
        g.Add(OciTypes.SecurityRecipe, "recipe", new
        {
            compartmentId = Ref("security"), displayName = "usde-dev-recipe",
            securityPolicies = Enumerable.Range(1, Enclave.Policy.Rules.Governance.SecurityZoneRecipe.RequiredPolicies.Length).Select(i => $"ocid1.securityzonessecuritypolicy.oc1.iad.p{i}").ToArray(),
        });
        g.Add(OciTypes.SecurityZone, "zone", new { compartmentId = Ref("enclave"), displayName = "usde-dev-zone", securityZoneRecipeId = Ref("recipe") });

        g.Add(OciTypes.NotificationTopic, "topic", new { compartmentId = Ref("security"), name = "usde-dev-security" });
        g.Add(OciTypes.Subscription, "topic-mail", new { compartmentId = Ref("security"), topicId = Ref("topic"), protocol = "EMAIL", endpoint = "gatekeepers@enclave.example" });
        // Operations without events (ENC-LOG-021): the home region's audit log, filtered to them, notifies the topic.
        g.Add(OciTypes.Connector, "audit-alerts", AuditAlertConnector("topic", isHome: true));
        g.Add(OciTypes.EventRule, "cis-events", new
        {
            compartmentId = Tenancy, displayName = "usde-dev-cis", isEnabled = true,
            condition = System.Text.Json.JsonSerializer.Serialize(new { eventType = AllCisEventTypes.Concat(AllThreatEventTypes).ToArray() }),
            actions = new { action = new[] { new { actionType = "ONS", isEnabled = true, topicId = Ref("topic") } } },
        });

        g.Add(OciTypes.Bastion, "bastion", new
        {
            bastionType = "standard", compartmentId = Ref("enclave"), targetSubnetId = Ref("data"),
            clientCidrBlockAllowLists = new[] { "198.51.100.0/24" }, maxSessionTtlInSeconds = 10800,
        });

        // CIS 1.4 (ENC-IAM-032): the tenancy's password policy.
        g.Add(OciTypes.AuthenticationPolicy, "password-policy", new
        {
            compartmentId = Tenancy,
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
        return g;
    }

    /// <summary>The gatekeepers' network source, and the condition persona grants on data carry.</summary>
    public const string NetworkSource = "usde-dev-gatekeeper-networks";
    public const string FromGatekeeperNetworks = "request.networkSource.name = '" + NetworkSource + "'";

    /// <summary>The auditors' own network source, and the condition their grants carry.</summary>
    public const string AuditorNetworkSource = "usde-dev-auditor-networks";
    public const string FromAuditorNetworks = "request.networkSource.name = '" + AuditorNetworkSource + "'";

    /// <summary>The MFA condition every persona grant carries (ENC-IAM-031).</summary>
    public const string WithMfa = "request.user.mfaTotpVerified = 'true'";

    /// <summary>The OCIDs of the enclave's compartments (known in every artifact: they exist already).</summary>
    public const string EnclaveId = "ocid1.compartment.oc1.iad.enclave";
    public const string SecurityId = "ocid1.compartment.oc1.iad.security";

    public static object FlowLog(string subject) => new
    {
        logGroupId = Ref("logs"), displayName = $"flow-{subject}", logType = "SERVICE", isEnabled = true, retentionDuration = 90,
        configuration = new { source = new { service = "flowlogs", category = "all", resource = Ref(subject), sourceType = "OCISERVICE" } },
    };

    public static object BucketLog(string bucket, string category = "write") => new
    {
        logGroupId = Ref("logs"), displayName = $"{category}-{bucket}", logType = "SERVICE", isEnabled = true, retentionDuration = 90,
        configuration = new { source = new { service = "objectstorage", category, resource = NameOf(bucket), sourceType = "OCISERVICE" } },
    };

    /// <summary>Replaces one input of a resource (a nested path a.b is not supported: replace the whole top-level value).</summary>
    public static GraphBuilder With(this GraphBuilder g, string resource, string key, object? value)
    {
        g[resource].Inputs[key] = value;
        return g;
    }
}
