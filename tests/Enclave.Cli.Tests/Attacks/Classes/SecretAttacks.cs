using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Isolation-relevant settings made secret: no rule can read them, so ENC-GOV-006 must fail each one, in a preview as
/// much as in a deployed state (where the rules reading the value fail closed too).
/// </summary>
public sealed class SecretAttacks : AttackClass
{
    private const string Rule = "ENC-GOV-006";

    private static readonly (string Resource, string Path, string What)[] Settings =
    [
        ("iam-operators", "statements", "an operator policy's statements"),
        ("iam-storage-admins", "statements[0]", "one storage-admin statement"),
        ("iam-services", "statements", "the service policy's statements"),
        ("iam-adb-dynamic-group", "matchingRule", "the database dynamic group's matching rule"),
        ("iam-gatekeeper-networks", "publicSourceLists", "the gatekeeper network source's CIDRs"),
        ("regions-standby", "region", "the standby provider's region"),
        ("storage-user-data", "accessType", "the user-data bucket's access type"),
        ("storage-user-data", "kmsKeyId", "the user-data bucket's key"),
        ("oversight-archive-us-ashburn-1-bucket", "retentionRules", "the archive's retention rules"),
        ("database-adb", "whitelistedIps", "the database access list"),
        ("database-adb", "subnetId", "the database subnet"),
        ("database-adb", "isMtlsConnectionRequired", "the database mTLS flag"),
        ("database-adb-standby", "kmsKeyId", "the standby's key"),
        ("network-data-routes", "routeRules", "the data route rules"),
        ("network-app-routes", "routeRules[0].networkEntityId", "a route rule's target"),
        ("network-db-from-app", "source", "an NSG rule's source"),
        ("network-db-from-admin", "tcpOptions", "an NSG rule's ports"),
        ("network-data", "prohibitPublicIpOnVnic", "the data subnet's public-IP flag"),
        ("network-bastion", "clientCidrBlockAllowLists", "the bastion allow-list"),
        ("network-default-security-list", "ingressSecurityRules", "the default security list's ingress"),
        ("network-service-gateway", "services", "the service gateway's services"),
        ("network-vcn", "cidrBlocks", "the VCN's CIDRs"),
        ("oversight-archive-us-ashburn-1-connector", "target", "the archive connector's target"),
        ("oversight-archive-us-ashburn-1-connector", "source", "the archive connector's sources"),
        ("network-data-flow-log", "configuration", "the data flow log's source"),
        ("tenancy-audit", "retentionPeriodDays", "the audit retention"),
        ("tenancy-cloud-guard", "reportingRegion", "Cloud Guard's reporting region"),
        ("keys-database-key", "isAutoRotationEnabled", "the database key's rotation"),
        ("oversight-us-ashburn-1-email-0", "endpoint", "an alert subscription's address"),
        ("oversight-us-ashburn-1-policy-changes", "condition", "an event rule's condition"),
        ("storage-user-data", "compartmentId", "the bucket's compartment"),
    ];

    public override IEnumerable<AttackCase> Cases()
    {
        foreach (var (resource, path, what) in Settings)
            yield return Attack($"{what} made secret", Rule, p => p.Resource(resource).Secret(path));
        yield return Attack("secret statements with --undetermined warn still block", Rule,
            p => p.Resource("iam-gatekeepers").Secret("statements")) with { Arguments = ["--undetermined", "warn"] };
    }
}
