using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>One way to break (or blur) the compliant enclave, and the rule finding it must produce.</summary>
/// <param name="Resource">Name of the resource the finding is about; null for the stack.</param>
public sealed record RuleCase(string RuleId, string Name, string? Resource, Action<GraphBuilder> Mutate)
{
    /// <summary>A change to the stack's policy context (its config) that goes with the graph's, when the case needs one.</summary>
    public Func<PolicyContext, PolicyContext>? Policy { get; init; }

    public override string ToString() => $"{RuleId}: {Name}";
}

/// <summary>For every rule, at least one failing and one undetermined mutation of the compliant enclave.</summary>
public static class RuleCases
{
    private static string[] Statements(GraphBuilder g) => (string[])g["root-policy"].Inputs["statements"]!;
    private static void AddStatement(GraphBuilder g, string statement) => g.With("root-policy", "statements", Statements(g).Append(statement).ToArray());

    public static readonly RuleCase[] Failing =
    [
        new("ENC-REG-001", "provider in Frankfurt", "default", g => g.With("default", "region", "eu-frankfurt-1")),
        new("ENC-REG-002", "bucket replicated to Frankfurt", "replica", g => g.Add(OciTypes.ReplicationPolicy, "replica",
            new { bucket = NameOf("data-bucket"), @namespace = "enclavens", destinationBucketName = "copy", destinationRegionName = "eu-frankfurt-1", name = "r" })),
        new("ENC-NET-001", "subnet allows public IPs", "data", g => g.With("data", "prohibitPublicIpOnVnic", false)),
        new("ENC-GOV-007", "bucket access type computed from another resource", "data-bucket", g => g.With("data-bucket", "accessType", Unknown)),
        new("ENC-GOV-007", "flow log switched on by a computed flag", "flow-data", g => g.With("flow-data", "isEnabled", Unknown)),
        new("ENC-NET-002", "internet gateway", "igw", g => g.Add(OciTypes.InternetGateway, "igw", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), enabled = true })),
        new("ENC-NET-003", "default route to a DRG", "data-rt", g =>
        {
            g.Add(OciTypes.Drg, "drg", new { compartmentId = Ref("enclave") });
            g.With("data-rt", "routeRules", new[] { new { networkEntityId = Ref("drg"), destination = "0.0.0.0/0", destinationType = "CIDR_BLOCK" } });
        }),
        new("ENC-NET-004", "NAT gateway", "nat", g => g.Add(OciTypes.NatGateway, "nat", new { compartmentId = Ref("enclave"), vcnId = Ref("vcn"), blockTraffic = false })),
        new("ENC-NET-005", "security list open to the internet", "data-sl", g => g.With("data-sl", "ingressSecurityRules",
            new[] { new { protocol = "6", source = "0.0.0.0/0", tcpOptions = new { min = 443, max = 443 } } })),
        new("ENC-NET-006", "default security list admits SSH from anywhere", "vcn", g => g.With("default-sl", "ingressSecurityRules",
            new[] { new { protocol = "6", source = "0.0.0.0/0", tcpOptions = new { min = 22, max = 22 } } })),
        new("ENC-NET-007", "VPN to an address outside the gatekeeper ranges", "cpe", g => g.Add(OciTypes.Cpe, "cpe", new { compartmentId = Ref("enclave"), ipAddress = "192.0.3.7" })),
        new("ENC-NET-008", "NSG rule from a parent-company range", "db-nsg-in", g => g.With("db-nsg-in", "source", "203.0.113.0/25")),
        new("ENC-NET-009", "Bastion session of 4 hours", "bastion", g => g.With("bastion", "maxSessionTtlInSeconds", 14400)),
        new("ENC-DB-001", "database without a private endpoint", "adb", g => g.With("adb", "subnetId", null)),
        new("ENC-DB-002", "mTLS not required", "adb", g => g.With("adb", "isMtlsConnectionRequired", false)),
        new("ENC-DB-003", "Oracle-managed key", "adb", g => g.With("adb", "kmsKeyId", null)),
        new("ENC-DB-003", "standby names another key than its primary's", "adb-standby", g => g.WithStandby(Ref("key-2"))),
        new("ENC-DB-004", "not registered with Data Safe", "adb", g => g.With("ds-target", "databaseDetails",
            new { databaseType = "AUTONOMOUS_DATABASE", infrastructureType = "ORACLE_CLOUD", autonomousDatabaseId = "ocid1.autonomousdatabase.oc1.iad.another" })),
        new("ENC-DB-004", "registered only by status, though it has a private endpoint", "adb", g => g.With("ds-target", "connectionOption",
            new { connectionType = "ONPREM_CONNECTOR", onPremConnectorId = "ocid1.datasafeonpremconnector.oc1.iad.x" }).With("adb", "dataSafeStatus", "REGISTERED")),
        new("ENC-DB-005", "no customer contacts", "adb", g => g.With("adb", "customerContacts", Array.Empty<object>())),
        new("ENC-DB-006", "ACL open to the internet", "adb", g => g.With("adb", "whitelistedIps", new[] { "0.0.0.0/0" })),
        new("ENC-DB-007", "Always Free database", "adb", g => g.With("adb", "isFreeTier", true)),
        new("ENC-STO-001", "public bucket", "data-bucket", g => g.With("data-bucket", "accessType", "ObjectRead")),
        new("ENC-STO-002", "bucket without CMK", "data-bucket", g => g.With("data-bucket", "kmsKeyId", null)),
        new("ENC-STO-002", "bucket key of another region", "archive-phx", g => g.WithPhoenixArchive().With("archive-phx", "kmsKeyId", Ref("key"))),
        new("ENC-STO-003", "bucket neither versioned nor locked", "data-bucket", g => g.With("data-bucket", "versioning", "Disabled")),
        new("ENC-STO-004", "bucket without write log", "data-bucket", g => g.Remove("write-data-bucket")),
        new("ENC-LOG-022", "user-data bucket without read log", "data-bucket", g => g.Remove("read-data-bucket")),
        new("ENC-LOG-022", "archive read log disabled", "archive", g => g.With("read-archive", "isEnabled", false)),
        new("ENC-LOG-022", "read log pointed at another bucket", "data-bucket", g => g["read-data-bucket"].Inputs["configuration"] =
            new { source = new { service = "objectstorage", category = "read", resource = "some-other-bucket", sourceType = "OCISERVICE" } }),
        new("ENC-LOG-022", "the second region's archive without read log", "archive-phx", g => g.WithPhoenixArchive().Remove("read-archive-phx")),
        new("ENC-STO-005", "pre-authenticated request", "par", g => g.Add(OciTypes.Preauthrequest, "par",
            new { bucket = NameOf("data-bucket"), @namespace = "enclavens", accessType = "AnyObjectRead", name = "share", timeExpires = "2027-01-01T00:00:00Z" })),
        new("ENC-LOG-001", "subnet without flow log", "data", g => g.Remove("flow-data")),
        new("ENC-GOV-006", "policy statements kept secret", "root-policy", g => g.With("root-policy", "statements", Secret)),
        new("ENC-GOV-006", "a route rule's target kept secret", "data-rt", g => g.With("data-rt", "routeRules",
            new object[] { new { networkEntityId = Secret, destination = "0.0.0.0/0", destinationType = "CIDR_BLOCK" } })),
        new("ENC-LOG-002", "audit log not shipped", null, g => g.With("archive-connector", "source", new
        {
            kind = "logging", logSources = new object[] { new { compartmentId = Ref("security"), logGroupId = Ref("logs") } },
        })),
        new("ENC-LOG-002", "second region without a connector of its own", null, g => g.WithPhoenixArchive().Remove("archive-connector-phx")),
        new("ENC-LOG-002", "connector lists a log group of another region", "archive-connector-phx", g =>
            g.WithPhoenixArchive().With("archive-connector-phx", "source", SecondRegion.Source(Ref("logs")))),
        new("ENC-LOG-002", "connector targets a bucket of another region", "archive-connector-phx", g =>
            g.WithPhoenixArchive().With("archive-connector-phx", "target", new { kind = "objectStorage", bucket = NameOf("archive"), @namespace = "enclavens" })),
        new("ENC-LOG-003", "audit retention 90 days", "audit", g => g.With("audit", "retentionPeriodDays", 90)),
        new("ENC-LOG-004", "event rule disabled", "cis-events", g => g.With("cis-events", "isEnabled", false)),
        new("ENC-LOG-020", "only the CIS event types are notified", null, g => g.With("cis-events", "condition",
            System.Text.Json.JsonSerializer.Serialize(new { eventType = CompliantEnclave.AllCisEventTypes }))),
        new("ENC-LOG-020", "the second region's threat rule disabled (a rule of the home region does not see its events)", null, g =>
            g.WithPhoenixArchive().With("threat-events-phx", "isEnabled", false)),
        new("ENC-LOG-020", "a bare type that never fires stands in for disablekey.begin", null, g => g.With("cis-events", "condition",
            System.Text.Json.JsonSerializer.Serialize(new
            {
                eventType = CompliantEnclave.AllCisEventTypes.Concat(CompliantEnclave.AllThreatEventTypes)
                    .Select(t => t.Replace("disablekey.begin", "disablekey", StringComparison.Ordinal)).ToArray(),
            }))),
        new("ENC-LOG-021", "PAR creation filtered out of the audit alerts", null, g => g.With("audit-alerts", "tasks",
            new[] { new { kind = "logRule", condition = "data.eventName = 'CreateRemotePeeringConnection'" } })),
        new("ENC-LOG-021", "audit-alert filter narrowed by a clause the gate cannot read", null, g => g.With("audit-alerts", "tasks",
            new[] { new { kind = "logRule", condition = Enclave.Alerts.AuditCondition.For(Enclave.Alerts.AuditAlerts.OperationsIn(true)) + " and data.compartmentName = 'x'" } })),
        new("ENC-LOG-021", "a function task may drop the audit records", null, g => g.With("audit-alerts", "tasks",
            new object[] { new { kind = "function", functionId = "ocid1.fnfunc.oc1.iad.dropper" } })),
        new("ENC-LOG-021", "second region without an audit-alert connector", null, g => g.WithPhoenixArchive().Remove("audit-alerts-phx")),
        new("ENC-GOV-010", "Cloud Guard target without a responder recipe", "cg-target", g => g.With("cg-target", "targetResponderRecipes", Array.Empty<object>())),
        new("ENC-GOV-010", "Cloud Guard target with one detector recipe", "cg-target", g => g.With("cg-target", "targetDetectorRecipes",
            new[] { new { detectorRecipeId = Ref("cg-configuration") } })),
        new("ENC-LOG-005", "flow log kept 30 days", "flow-data", g => g["flow-data"].Inputs["retentionDuration"] = 30),
        new("ENC-KMS-001", "key rotates every 400 days", "key", g => g.With("key", "autoKeyRotationDetails", new { rotationIntervalInDays = 400 })),
        new("ENC-KMS-002", "vault in the workload compartment", "vault", g => g.With("vault", "compartmentId", Ref("enclave"))),
        new("ENC-GOV-001", "database not protected", "adb", g => g["adb"].Protect = false),
        new("ENC-GOV-002", "Cloud Guard disabled", "cloud-guard", g => g.With("cloud-guard", "status", "DISABLED")),
        new("ENC-GOV-003", "no security zone", null, g => g.Remove("zone")),
        new("ENC-GOV-004", "bucket in the root compartment", "data-bucket", g => g.With("data-bucket", "compartmentId", CompliantEnclave.Tenancy)),
        new("ENC-GOV-005", "notifications sent to the parent company", "topic-mail", g => g.With("topic-mail", "endpoint", "soc@parentcorp.example")),
        new("ENC-IAM-001", "admit from the parent tenancy", "root-policy", g =>
        {
            AddStatement(g, "define tenancy Parent as ocid1.tenancy.oc1..othertenancy");
            AddStatement(g, "admit group Auditors of tenancy Parent to read buckets in tenancy");
        }),
        new("ENC-IAM-002", "any-user reads buckets", "root-policy", g => AddStatement(g, "allow any-user to read buckets in tenancy")),
        new("ENC-IAM-003", "parent group reads the database", "root-policy", g => AddStatement(g, "allow group parent-admins to read autonomous-databases in tenancy")),
        new("ENC-IAM-004", "operators manage groups", "root-policy", g => AddStatement(g, "allow group enclave-operators to manage groups in tenancy where target.group.name != 'Administrators'")),
        new("ENC-IAM-005", "manage all-resources", "root-policy", g => AddStatement(g, "allow group enclave-gatekeepers to manage all-resources in compartment usde-dev")),
        new("ENC-IAM-006", "operators may delete buckets", "root-policy", g => AddStatement(g, "allow group enclave-operators to manage buckets in compartment usde-dev")),
        new("ENC-IAM-031", "operators' grant without MFA", "root-policy", g => AddStatement(g,
            $"allow group enclave-operators to read autonomous-databases in compartment usde-dev where {CompliantEnclave.FromGatekeeperNetworks}")),
        new("ENC-IAM-031", "MFA only as one alternative of an any {…}", "root-policy", g => AddStatement(g,
            $"allow group enclave-operators to read autonomous-databases in compartment usde-dev where all {{{CompliantEnclave.FromGatekeeperNetworks}, any {{{CompliantEnclave.WithMfa}, request.user.name = 'ops'}}}}")),
        new("ENC-IAM-031", "gatekeepers from any network", "root-policy", g => AddStatement(g,
            $"allow group enclave-gatekeepers to manage vaults in compartment usde-dev where {CompliantEnclave.WithMfa}")),
        new("ENC-IAM-031", "storage admins from a network source the stack does not declare", "root-policy", g => AddStatement(g,
            $"allow group enclave-storage-admins to read buckets in compartment usde-dev where all {{{CompliantEnclave.WithMfa}, request.networkSource.name = 'parent-office'}}")),
        new("ENC-IAM-031", "operators from the auditors' network", "root-policy", g =>
        {
            g.Add(Enclave.Policy.Rules.Iam.DataAccess.EnclaveIdentities.NetworkSourceType, "auditor-networks",
                new { compartmentId = CompliantEnclave.Tenancy, name = "usde-dev-auditor-networks", description = "auditors", publicSourceLists = new[] { "203.0.113.0/28" } });
            AddStatement(g, $"allow group enclave-operators to read autonomous-databases in compartment usde-dev where all {{{CompliantEnclave.WithMfa}, request.networkSource.name = 'usde-dev-auditor-networks'}}");
        }),
        new("ENC-IAM-032", "13-character passwords", "password-policy", g => g.With("password-policy", "passwordPolicy", new
        {
            minimumPasswordLength = 13, isLowercaseCharactersRequired = true, isUppercaseCharactersRequired = true,
            isNumericCharactersRequired = true, isSpecialCharactersRequired = true, isUsernameContainmentAllowed = false,
        })),
        new("ENC-IAM-032", "special characters no longer required", "password-policy", g => g.With("password-policy", "passwordPolicy", new
        {
            minimumPasswordLength = 16, isLowercaseCharactersRequired = true, isUppercaseCharactersRequired = true,
            isNumericCharactersRequired = true, isSpecialCharactersRequired = false, isUsernameContainmentAllowed = false,
        })),
        new("ENC-IAM-032", "no password policy declared", null, g => g.Remove("password-policy")),
        new("ENC-IAM-030", "gatekeepers may create PARs", "root-policy", g => AddStatement(g,
            $"allow group enclave-gatekeepers to manage object-family in compartment usde-dev where {CompliantEnclave.FromGatekeeperNetworks}")),
        new("ENC-IAM-007", "tenancy group grant without Administrators exclusion", "root-policy", g => AddStatement(g, "allow group enclave-gatekeepers to use groups in tenancy")),
        new("ENC-IAM-001", "a statement that does not parse", "root-policy", g => AddStatement(g, "allow group enclave-operators to read objects in compartment usde-dev where")),
        new("ENC-IAM-003", "a statement that does not parse", "root-policy", g => AddStatement(g, "alow group parent-admins to read objects in tenancy")),
        new("ENC-IAM-008", "a team outside the personas reads objects", "root-policy", g => AddStatement(g, "allow group data-science to read objects in compartment usde-dev")),
        new("ENC-IAM-009", "operators manage keys", "root-policy", g => AddStatement(g, $"allow group enclave-operators to manage keys in compartment usde-dev where {CompliantEnclave.FromGatekeeperNetworks}")),
        new("ENC-IAM-010", "dynamic group of every function in the tenancy", "adb-dg", g => g.With("adb-dg", "matchingRule", "resource.type = 'fnfunc'")),
        new("ENC-IAM-011", "Object Storage of Frankfurt uses the keys", "root-policy", g => AddStatement(g, "allow service objectstorage-eu-frankfurt-1 to use keys in compartment usde-dev")),
        .. IdentityPlaneCases.Failing, .. KeysAndOversightCases.Failing, .. NetworkWidthCases.Failing, .. RedTeamCases.Failing, .. ControlAndOversightCases.Failing, .. HiddenDoorCases.Failing, .. ReachAndDeliveryCases.Failing, .. DataPlaneCases.Failing, .. RedTeamRound5Cases.Failing, .. FailClosedRound6Cases.Failing, .. NestedInputCases.Failing, .. IdentityRootCases.Failing, .. OversightFloorCases.Failing, .. IdentityRound7Cases.Failing, .. RedTeamRound8DataCases.Failing, .. IdentityRound8Cases.Failing, .. RedTeamRound9Cases.Failing, .. IdentityRound9Cases.Failing,
        .. RedTeamRound10Cases.Failing, .. IdentityRound10Cases.Failing,
        .. IdentityRound11Cases.Failing,
        .. RedTeamRound11Cases.Failing,
        .. IdentityRound12Cases.Failing,
        .. RedTeamRound12Cases.Failing,
        .. RedTeamRound13Cases.Failing,
        .. SigningCertificateCases.Failing,
        .. IdentityRound13Cases.Failing,
    ];

    public static readonly RuleCase[] Undetermined =
    [
        new("ENC-REG-001", "provider region unknown", "default", g => g.With("default", "region", Unknown)),
        new("ENC-REG-002", "replication region unknown", "replica", g => g.Add(OciTypes.ReplicationPolicy, "replica",
            new { bucket = NameOf("data-bucket"), @namespace = "enclavens", destinationBucketName = "usde-dev-data", destinationRegionName = Unknown, name = "r" })),
        new("ENC-NET-001", "subnet privacy unknown", "data", g => g.With("data", "prohibitPublicIpOnVnic", Unknown)),
        new("ENC-NET-003", "route target unknown", "data-rt", g => g.With("data-rt", "routeRules",
            new[] { new { networkEntityId = Unknown, destination = "all-iad-services-in-oracle-services-network", destinationType = "SERVICE_CIDR_BLOCK" } })),
        new("ENC-NET-005", "ingress source unknown", "data-sl", g => g.With("data-sl", "ingressSecurityRules", new[] { new { protocol = "6", source = Unknown } })),
        new("ENC-NET-006", "default list rules unknown", "vcn", g => g.With("default-sl", "ingressSecurityRules", Unknown)),
        new("ENC-NET-007", "CPE address unknown", "cpe", g => g.Add(OciTypes.Cpe, "cpe", new { compartmentId = Ref("enclave"), ipAddress = Unknown })),
        new("ENC-NET-008", "NSG source unknown", "db-nsg-in", g => g.With("db-nsg-in", "source", Unknown)),
        new("ENC-NET-009", "Bastion allow-list unknown", "bastion", g => g.With("bastion", "clientCidrBlockAllowLists", Unknown)),
        new("ENC-DB-001", "database subnet unknown", "adb", g => g.With("adb", "subnetId", Unknown)),
        new("ENC-DB-002", "mTLS setting unknown", "adb", g => g.With("adb", "isMtlsConnectionRequired", Unknown)),
        new("ENC-DB-003", "key unknown", "adb", g => g.With("adb", "kmsKeyId", Unknown)),
        new("ENC-DB-003", "standby key unknown", "adb-standby", g => g.WithStandby(Unknown)),
        new("ENC-DB-004", "Data Safe connection unknown", "adb", g => g.With("ds-target", "connectionOption", Unknown)),
        new("ENC-DB-005", "contacts unknown", "adb", g => g.With("adb", "customerContacts", Unknown)),
        new("ENC-DB-006", "ACL unknown", "adb", g => g.With("adb", "whitelistedIps", Unknown)),
        new("ENC-DB-007", "free tier flag unknown", "adb", g => g.With("adb", "isFreeTier", Unknown)),
        new("ENC-STO-001", "access type unknown", "data-bucket", g => g.With("data-bucket", "accessType", Unknown)),
        new("ENC-STO-002", "bucket key unknown", "data-bucket", g => g.With("data-bucket", "kmsKeyId", Unknown)),
        new("ENC-STO-002", "region of the bucket's key unknown", "archive-phx", g =>
        {
            g.WithPhoenixArchive().WithUnknownRegionProvider();
            SecondRegion.In(g["key-phx"], "elsewhere");
        }),
        new("ENC-STO-003", "versioning unknown", "data-bucket", g => g.With("data-bucket", "versioning", Unknown)),
        new("ENC-LOG-022", "read-logged bucket unknown", "data-bucket", g => g["read-data-bucket"].Inputs["configuration"] =
            new { source = new { service = "objectstorage", category = "read", resource = Unknown, sourceType = "OCISERVICE" } }),
        new("ENC-LOG-022", "read log's switch unknown", "archive", g => g.With("read-archive", "isEnabled", Unknown)),
        new("ENC-STO-004", "logged bucket unknown", "data-bucket", g => g["write-data-bucket"].Inputs["configuration"] =
            new { source = new { service = "objectstorage", category = "write", resource = Unknown, sourceType = "OCISERVICE" } }),
        new("ENC-LOG-001", "flow-logged subnet unknown", "data", g => g["flow-data"].Inputs["configuration"] =
            new { source = new { service = "flowlogs", category = "all", resource = Unknown, sourceType = "OCISERVICE" } }),
        new("ENC-LOG-002", "connector log sources unknown", null, g => g.With("archive-connector", "source", new { kind = "logging", logSources = Unknown })),
        new("ENC-LOG-002", "region of the second region's connector unknown", null, g =>
        {
            g.WithPhoenixArchive().WithUnknownRegionProvider();
            SecondRegion.In(g["archive-connector-phx"], "elsewhere");
        }),
        new("ENC-LOG-003", "audit retention unknown", "audit", g => g.With("audit", "retentionPeriodDays", Unknown)),
        new("ENC-LOG-004", "event rule condition unknown", null, g => g.With("cis-events", "condition", Unknown)),
        new("ENC-LOG-020", "event rule condition unknown", null, g => g.With("cis-events", "condition", Unknown)),
        new("ENC-LOG-021", "audit-alert filter unknown", null, g => g.With("audit-alerts", "tasks", new[] { new { kind = "logRule", condition = Unknown } })),
        new("ENC-GOV-010", "Cloud Guard target's resource type unknown", "cg-target", g => g.With("cg-target", "targetResourceType", Unknown)),
        new("ENC-LOG-005", "log retention unknown", "flow-data", g => g["flow-data"].Inputs["retentionDuration"] = Unknown),
        new("ENC-KMS-001", "rotation switch unknown", "key", g => g.With("key", "isAutoRotationEnabled", Unknown)),
        new("ENC-KMS-002", "vault compartment unknown", "vault", g => g.With("vault", "compartmentId", Unknown)),
        new("ENC-GOV-002", "Cloud Guard status unknown", "cloud-guard", g => g.With("cloud-guard", "status", Unknown)),
        new("ENC-GOV-003", "zone recipe policies unknown", "zone", g => g.With("recipe", "securityPolicies", Unknown)),
        new("ENC-GOV-004", "bucket compartment unknown", "data-bucket", g => g.With("data-bucket", "compartmentId", Unknown)),
        new("ENC-GOV-005", "subscription endpoint unknown", "topic-mail", g => g.With("topic-mail", "endpoint", Unknown)),
        new("ENC-IAM-001", "a statement known only at deploy", "root-policy", g => g.With("root-policy", "statements", Statements(g).Cast<object>().Append(Unknown).ToArray())),
        new("ENC-IAM-002", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-003", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-004", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-005", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-006", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-030", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-032", "password length unknown", "password-policy", g => g.With("password-policy", "passwordPolicy", new
        {
            minimumPasswordLength = Unknown, isLowercaseCharactersRequired = true, isUppercaseCharactersRequired = true,
            isNumericCharactersRequired = true, isSpecialCharactersRequired = true, isUsernameContainmentAllowed = false,
        })),
        new("ENC-IAM-031", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-031", "the named network source's ranges unknown", "root-policy", g =>
        {
            g.With("gatekeeper-networks", "publicSourceLists", Unknown);
            AddStatement(g, $"allow group enclave-operators to read autonomous-databases in compartment usde-dev where all {{{CompliantEnclave.WithMfa}, {CompliantEnclave.FromGatekeeperNetworks}}}");
        }),
        new("ENC-IAM-007", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-008", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-009", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        new("ENC-IAM-010", "matching rule unknown", "adb-dg", g => g.With("adb-dg", "matchingRule", Unknown)),
        new("ENC-IAM-011", "statements unknown", "root-policy", g => g.With("root-policy", "statements", Unknown)),
        .. IdentityPlaneCases.Undetermined, .. KeysAndOversightCases.Undetermined, .. NetworkWidthCases.Undetermined, .. RedTeamCases.Undetermined, .. ControlAndOversightCases.Undetermined, .. HiddenDoorCases.Undetermined, .. ReachAndDeliveryCases.Undetermined, .. DataPlaneCases.Undetermined, .. RedTeamRound5Cases.Undetermined, .. FailClosedRound6Cases.Undetermined, .. NestedInputCases.Undetermined, .. IdentityRootCases.Undetermined, .. OversightFloorCases.Undetermined, .. IdentityRound7Cases.Undetermined, .. RedTeamRound8DataCases.Undetermined, .. IdentityRound8Cases.Undetermined, .. RedTeamRound9Cases.Undetermined, .. IdentityRound9Cases.Undetermined,
        .. RedTeamRound10Cases.Undetermined, .. IdentityRound10Cases.Undetermined,
        .. IdentityRound11Cases.Undetermined,
        .. RedTeamRound11Cases.Undetermined,
        .. IdentityRound12Cases.Undetermined,
        .. RedTeamRound12Cases.Undetermined,
        .. RedTeamRound13Cases.Undetermined,
        .. SigningCertificateCases.Undetermined,
    ];

    /// <summary>Rules that cannot meet an unknown value: presence checks of resources and the protect flag (a resource option, always known), and waiver expiry (a date in a file).</summary>
    /// ENC-GOV-006 judges whether values are secret, which is always known.
    public static readonly string[] NeverUndetermined = ["ENC-DB-050", "ENC-NET-002", "ENC-NET-004", "ENC-STO-005", "ENC-GOV-001", "ENC-GOV-006", "ENC-GOV-900", "ENC-GOV-901",
        // ENC-GOV-070 reads the steps of a preview, whose operations are always known.
        "ENC-GOV-070",
        // ENC-GOV-007 and ENC-IAM-117 judge whether values are unknown, which is always known.
        "ENC-GOV-007", "ENC-IAM-117",
        // The type token of a resource is always known.
        "ENC-GOV-020",
        // Judges the stack's config (always known), not the artifact.
        "ENC-NET-010",
        // Judges what a state holds outside the graph (flags Pulumi wrote), never a value.
        "ENC-GOV-031"];
}
