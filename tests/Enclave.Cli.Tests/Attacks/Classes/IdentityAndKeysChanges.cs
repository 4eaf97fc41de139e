using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>Changes the allow-lists of issue 10.4-10.6 must let through: what prod's config allows, and tightening.</summary>
public sealed class IdentityAndKeysChanges : AttackClass
{
    public override string Name => "Legitimate identity, keys and networks";

    private const string Lifecycle = "oci:ObjectStorage/objectLifecyclePolicy:ObjectLifecyclePolicy";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Legitimate("the trusted identity provider, pinned, mapped into the gatekeepers", p =>
        {
            var idp = LegacyIdp(p, TrustedIdp, TrustedEntityId, TrustedMetadataUrl);
            p.Add(IdpGroupMapping, "iam-usds-gatekeepers", new JsonObject
            {
                ["groupId"] = p.Resource("iam-gatekeepers", DomainsGroup).Id(), ["identityProviderId"] = idp.Id(), ["idpGroupName"] = "usds-gatekeepers",
            }, sibling: "iam-gatekeeper-networks").DependsOn("identityProviderId", idp);
        });
        yield return Legitimate("the break-glass user as a gatekeeper with its API key", p =>
        {
            var user = DomainUser(p, BreakGlass, BreakGlassEmail);
            AddMember(p, "iam-gatekeepers", user);
            p.Add(DomainsApiKey, "iam-breakglass-key", new JsonObject
            {
                ["idcsEndpoint"] = IdcsEndpoint(p), ["key"] = "-----BEGIN PUBLIC KEY-----MIIB-----END PUBLIC KEY-----",
                ["schemas"] = Value.List("urn:ietf:params:scim:schemas:oracle:idcs:apikey"), ["user"] = new JsonObject { ["value"] = user.Id() },
            }, sibling: "iam-gatekeeper-networks").DependsOn("user", user);
        });
        yield return Legitimate("gatekeeper network source narrowed to one range",
            p => p.Resource("iam-gatekeeper-networks").Set("publicSourceLists", Value.List("198.51.100.0/28")));
        yield return Legitimate("bastion allow-list narrowed to a /29 of the gatekeepers'",
            p => p.Resource("network-bastion").Set("clientCidrBlockAllowLists", Value.List("198.51.100.64/29")));
        yield return Legitimate("database NSG admits only part of the admin subnet",
            p => p.Resource("network-db-from-admin").Set("source", "10.30.3.0/28"));
        yield return Legitimate("keys rotate every 60 days", p =>
        {
            foreach (var key in p.OfType("oci:Kms/key:Key")) key.Set("autoKeyRotationDetails.rotationIntervalInDays", 60);
        });
        yield return Legitimate("archive kept ten years", p => p.Resource("oversight-archive-us-ashburn-1-bucket").Set("retentionRules[0].duration.timeAmount", "3650"));
        yield return Legitimate("archive objects moved to the Archive tier after 90 days", p =>
        {
            var archive = p.Resource("oversight-archive-us-ashburn-1-bucket");
            p.Add(Lifecycle, "oversight-archive-tiering", new JsonObject
            {
                ["bucket"] = archive.Inputs["name"]!.DeepClone(), ["namespace"] = archive.Inputs["namespace"]!.DeepClone(),
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["name"] = "to-archive", ["action"] = "ARCHIVE", ["isEnabled"] = true, ["timeAmount"] = "90", ["timeUnit"] = "DAYS",
                }),
            }, sibling: "oversight-archive-us-ashburn-1-bucket");
        });
        yield return Legitimate("a long-term database backup kept in the database service", p =>
        {
            var db = p.Resource("database-adb", "oci:Database/autonomousDatabase:AutonomousDatabase");
            p.Add("oci:Database/autonomousDatabaseBackup:AutonomousDatabaseBackup", "database-adb-yearly", new JsonObject
            {
                ["autonomousDatabaseId"] = db.Id(), ["displayName"] = "yearly", ["isLongTermBackup"] = true, ["retentionPeriodInDays"] = 365,
            }, sibling: "database-adb").DependsOn("autonomousDatabaseId", db);
        });
        yield return Legitimate("one gatekeeper address unsubscribed", p => p.Remove("oversight-us-ashburn-1-email-1"));
    }
}
