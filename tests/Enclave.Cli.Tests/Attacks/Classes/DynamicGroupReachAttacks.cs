using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-IAM-050: the database's dynamic group is the enclave's own principal, so grants to it pass the data allow-list;
/// granted in the tenancy or another compartment, it lets the database (and whoever runs SQL on it) create or call
/// resources outside the enclave and hand them the data.
/// </summary>
public sealed class DynamicGroupReachAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Dg = "dynamic-group usde-prod-adb-kms-dg";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the database's dynamic group manages functions anywhere in the tenancy", "ENC-IAM-050",
            p => p.Resource("iam-adb-kms", PolicyType).Append("statements", $"allow {Dg} to manage functions-family in tenancy").Urn);
        yield return Attack("the database's dynamic group writes objects in a compartment outside the enclave", "ENC-IAM-050",
            p => p.Resource("iam-adb-kms", PolicyType).Append("statements", $"allow {Dg} to manage objects in compartment id ocid1.compartment.oc1..aaaaaaaaexampleanalyticscmp").Urn);
        yield return Attack("the database's dynamic group uses streams by compartment name outside the enclave", "ENC-IAM-050",
            p => p.Resource("iam-adb-kms", PolicyType).Append("statements", $"allow {Dg} to use stream-family in compartment shared-analytics").Urn);

        yield return Legitimate("the database's dynamic group reads its own wallet secret's metadata in the security compartment",
            p => p.Resource("iam-adb-kms", PolicyType).Append("statements",
                $"allow {Dg} to inspect secrets in compartment id {p.Resource("tenancy-security").Json["id"]!.GetValue<string>()}"));
    }
}
