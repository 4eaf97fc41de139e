using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Identity-plane holes closed at the root: a dynamic group must pin the enclave's own kind of resource as well as its
/// compartment (ENC-IAM-010); the sign-in network policy names only the stack's narrow network sources (ENC-IDN-110);
/// an identity-domain group sets only the program's fields (ENC-IDN-111) and every persona keeps its group (ENC-IDN-112);
/// the identity types' inputs are an allow-list
/// (ENC-GOV-090: a policy's versionDate).
/// </summary>
public sealed class IdentityRootAttacks : AttackClass
{
    private const string DynamicGroup = "iam-adb-dynamic-group";
    private const string PasswordPolicy = "iam-password-policy";
    private const string NetworkSourceType = "oci:Identity/networkSource:NetworkSource";
    private const string PolicyType = "oci:Identity/policy:Policy";

    public override IEnumerable<AttackCase> Cases() => DynamicGroups().Concat(SignInNetworks()).Concat(DomainGroups()).Concat(Legitimate());

    private IEnumerable<AttackCase> DynamicGroups()
    {
        yield return Attack("dynamic group of every resource in the database compartment, whatever its type", "ENC-IAM-010",
            p => p.Resource(DynamicGroup).Set("matchingRule", $"ALL {{resource.compartment.id = '{Db(p)}'}}"));
        yield return Attack("dynamic group of the functions in the database compartment", "ENC-IAM-010",
            p => p.Resource(DynamicGroup).Set("matchingRule", $"ALL {{resource.type = 'fnfunc', resource.compartment.id = '{Db(p)}'}}"));
        yield return Attack("dynamic group of the instances in the database compartment", "ENC-IAM-010",
            p => p.Resource(DynamicGroup).Set("matchingRule", $"instance.compartment.id = '{Db(p)}'"));
        yield return Attack("dynamic group of the database or any instance beside it", "ENC-IAM-010", p => p.Resource(DynamicGroup).Set("matchingRule",
            $"ALL {{resource.compartment.id = '{Db(p)}', ANY {{resource.type = 'autonomousdatabase', resource.type = 'instance'}}}}"));
        yield return Attack("dynamic group of every type but instances", "ENC-IAM-010",
            p => p.Resource(DynamicGroup).Set("matchingRule", $"all {{ resource.type != 'instance' , resource.compartment.id = '{Db(p)}' }}"));
        yield return Attack("dynamic group by a resource-type pattern", "ENC-IAM-010",
            p => p.Resource(DynamicGroup).Set("matchingRule", $"ALL {{resource.type = 'autonomous*', resource.compartment.id = '{Db(p)}'}}"));
    }

    private IEnumerable<AttackCase> SignInNetworks()
    {
        yield return Attack("sign-in allowed from a network source the parent company defines", "ENC-IDN-110",
            p => p.Resource(PasswordPolicy).Set("networkPolicy", new JsonObject { ["networkSourceIds"] = Value.List("ocid1.networksource.oc1..aaaaaaaaexampleparentconetworks") }));
        yield return Attack("sign-in allowed from a new open network source of the stack", "ENC-IDN-110", p =>
        {
            var open = p.Add(NetworkSourceType, "iam-everywhere", new JsonObject
            {
                ["compartmentId"] = Tenancy(p), ["name"] = "usde-prod-everywhere", ["description"] = "temporary",
                ["publicSourceLists"] = Value.List("0.0.0.0/0"),
            }, sibling: "iam-gatekeeper-networks");
            return p.Resource(PasswordPolicy).Set("networkPolicy", new JsonObject { ["networkSourceIds"] = Value.List(open.Id()) })
                .DependsOn("networkPolicy", open);
        });
        yield return Attack("sign-in network sources arrive as a secret in the state", "ENC-IDN-110",
            p => p.Resource(PasswordPolicy).Secret("networkPolicy"), Forms.Export);
        yield return Attack("a policy judged by the services' behaviour of 2016", "ENC-GOV-090",
            p => p.Resource("iam-operators", PolicyType).Set("versionDate", "2016-01-01"));
    }

    private IEnumerable<AttackCase> DomainGroups()
    {
        yield return Attack("the gatekeepers' group made requestable", "ENC-IDN-111", p => p.Resource("iam-gatekeepers", DomainsGroup)
            .Set("urnietfparamsscimschemasoracleidcsextensionrequestableGroup", new JsonObject { ["requestable"] = true }));
        yield return Attack("the operators' group joined by a dynamic membership rule", "ENC-IDN-111", p => p.Resource("iam-operators", DomainsGroup)
            .Set("urnietfparamsscimschemasoracleidcsextensiondynamicGroup", new JsonObject { ["membershipType"] = "dynamic", ["membershipRule"] = "user.title eq 'DBA'" }));
        yield return Attack("the storage admins' group given an owner who manages its members", "ENC-IDN-111", p => p.Resource("iam-storage-admins", DomainsGroup)
            .Set("urnietfparamsscimschemasoracleidcsextensiongroupGroup.owners", new JsonArray(new JsonObject { ["type"] = "User", ["value"] = "b6f2c1d0e9a84f7a" })));
        yield return Attack("the auditors' group provisioned from an outside system", "ENC-IDN-111",
            p => p.Resource("iam-auditors", DomainsGroup).Set("externalId", "parentco-hr-sync-42"));
        yield return Attack("the auditors' group dropped from the stack, its name free for a look-alike", "ENC-IDN-112", p =>
        {
            p.Remove("iam-auditors", DomainsGroup);
            return p.StackUrn;
        });
        yield return Attack("the gatekeepers' group renamed, its persona name left free", "ENC-IDN-112", p =>
        {
            p.Resource("iam-gatekeepers", DomainsGroup).Set("displayName", "usde-prod-gatekeepers-2026");
            return p.StackUrn;
        });
    }

    private IEnumerable<AttackCase> Legitimate()
    {
        yield return Legitimate("sign-in restricted to the gatekeepers' and auditors' network sources", p => p.Resource(PasswordPolicy).Set("networkPolicy",
            new JsonObject { ["networkSourceIds"] = Value.List(p.Resource("iam-gatekeeper-networks").Id(), p.Resource("iam-auditor-networks").Id()) }));
        yield return Legitimate("dynamic group narrowed to the primary database by id", p => p.Resource(DynamicGroup).Set("matchingRule",
            $"ALL {{resource.type = 'autonomousdatabase', resource.compartment.id = '{Db(p)}', resource.id = '{p.Resource("database-adb").Id()}'}}"));
        yield return Legitimate("a clearer description on the gatekeepers' group",
            p => p.Resource("iam-gatekeepers", DomainsGroup).Set("urnietfparamsscimschemasoracleidcsextensiongroupGroup.description", "US data-security team (gatekeepers)."));
    }

    private static string Db(Prod p) => p.Resource("tenancy-database").Id();
}
