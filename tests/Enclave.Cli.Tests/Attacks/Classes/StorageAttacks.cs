using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>Buckets opened, unencrypted, unversioned, unlogged or shared by link.</summary>
public sealed class StorageAttacks : AttackClass
{
    private const string UserData = "storage-user-data";
    private const string Archive = "oversight-archive-us-ashburn-1-bucket";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("user data made public", "ENC-STO-001", p => p.Resource(UserData).Set("accessType", "ObjectRead"));
        yield return Attack("user data readable without listing", "ENC-STO-001", p => p.Resource(UserData).Set("accessType", "ObjectReadWithoutList"));
        yield return Attack("archive made public", "ENC-STO-001", p => p.Resource(Archive).Set("accessType", "ObjectRead"));
        yield return Attack("Phoenix archive made public", "ENC-STO-001", p => p.Resource("oversight-archive-us-phoenix-1-bucket").Set("accessType", "ObjectReadWithoutList"));
        yield return Attack("user data access type in an unexpected spelling", "ENC-STO-001", p => p.Resource(UserData).Set("accessType", "objectread"));
        yield return Attack("user data with an Oracle-managed key", "ENC-STO-002", p => p.Resource(UserData).Remove("kmsKeyId"));
        yield return Attack("archive with an Oracle-managed key", "ENC-STO-002", p => p.Resource(Archive).Remove("kmsKeyId"));
        yield return Attack("user data encrypted with the Phoenix logs key", "ENC-STO-002",
            p => p.Resource(UserData).Set("kmsKeyId", p.Resource("keys-us-phoenix-1-logs-key").Json["id"]!.GetValue<string>()));
        yield return Attack("user data encrypted with a Frankfurt key", "ENC-STO-002",
            p => p.Resource(UserData).Set("kmsKeyId", "ocid1.key.oc1.fra.aaaaaaaaforeignkey0000000000000000000000000000000000000000"));
        yield return Attack("user data versioning suspended", "ENC-STO-003", p => p.Resource(UserData).Set("versioning", "Suspended"));
        yield return Attack("archive retention lock removed", "ENC-STO-003", p => p.Resource(Archive).Remove("retentionRules"));
        yield return Attack("user data write log deleted", "ENC-STO-004", p =>
        {
            p.Remove("oversight-archive-us-ashburn-1-user-data-bucket-write-log");
            return p.Resource(UserData).Urn;
        });
        yield return Attack("a pre-authenticated link to all user data", "ENC-STO-005", p => p.Add("oci:ObjectStorage/preauthrequest:Preauthrequest", "storage-share",
            new JsonObject
            {
                ["bucket"] = "usde-prod-user-data", ["namespace"] = "3zrcoc73rqch", ["name"] = "share",
                ["accessType"] = "AnyObjectRead", ["timeExpires"] = "2027-01-01T00:00:00Z",
            }, sibling: UserData));
        yield return Attack("user data unprotected from deletion", "ENC-GOV-001", p =>
        {
            var bucket = p.Resource(UserData);
            bucket.Json.Remove("protect");
            return bucket;
        });
        yield return Attack("user data bucket in the root compartment", "ENC-GOV-004",
            p => p.Resource(UserData).Set("compartmentId", "ocid1.tenancy.oc1..aaaaaaaaexampleprodtenancy0000000000000000000000000000000000"));
    }
}
