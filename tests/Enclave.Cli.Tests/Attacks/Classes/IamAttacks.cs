using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Issue 10 parts 2 and 3: statements the parser must read (and must not let pass unread), and grants that reach the
/// enclave's data from outside the allow-list or above a persona's ceiling. Each edits one IAM policy or dynamic
/// group of the deployed prod stack.
/// </summary>
public sealed class IamAttacks : AttackClass
{
    private const string PolicyType = "oci:Identity/policy:Policy";
    private const string Domain = "UsdsEnclave";
    private const string Gatekeepers = $"group '{Domain}'/'usde-prod-gatekeepers'";
    private const string Operators = $"group '{Domain}'/'usde-prod-db-operators'";
    private const string Auditors = $"group '{Domain}'/'usde-prod-auditors'";
    private const string StorageAdmins = $"group '{Domain}'/'usde-prod-storage-admins'";
    private const string Net = "request.networkSource.name = 'usde-prod-gatekeeper-networks'";
    private const string AuditorGuard = "request.networkSource.name = 'usde-prod-auditor-networks', request.user.mfaTotpVerified = 'true'";
    private const string ParentTenancy = "ocid1.tenancy.oc1..aaaaaaaaexampleparentcotenancy000000000000000000000000000000";
    private const string ParentGroupId = "ocid1.group.oc1..aaaaaaaaexampleparentcoglobaladmins0000000000000000000000000";

    public override IEnumerable<AttackCase> Cases() => Parsing().Concat(Unreadable()).Concat(CrossTenancy()).Concat(Outsiders())
        .Concat(DynamicGroups()).Concat(Services()).Concat(Ceilings()).Concat(Hardening());

    /// <summary>10.1/10.2: what the parser rejects fails the critical IAM rules, never "undetermined".</summary>
    private IEnumerable<AttackCase> Parsing()
    {
        yield return Attack("a statement cut short after where", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow group data-team to read objects in compartment id {App(p)} where"));
        yield return Attack("a misspelt verb hides a grant", "ENC-IAM-003",
            p => Add(p, "iam-operators", $"allow {Operators} to raed objects in compartment id {App(p)}"));
        yield return Attack("an unbalanced condition", "ENC-IAM-009",
            p => Add(p, "iam-auditors", $"allow {Auditors} to read objects in compartment id {App(p)} where any {{request.region = 'IAD'"));
        yield return Attack("an unknown statement keyword", "ENC-IAM-001",
            p => Add(p, "iam-gatekeepers-root", $"permit group data-team to read objects in tenancy"));
    }

    /// <summary>10.1 for IAM: what the gate cannot read counts against the change, in the artifact where it blocks.</summary>
    private IEnumerable<AttackCase> Unreadable()
    {
        yield return Attack("a statement arrives as a secret in the state", "ENC-IAM-008",
            p => p.Resource("iam-operators", PolicyType).Secret("statements[0]").Urn, Forms.Export);
        yield return Attack("a statement arrives as a secret in a preview", "ENC-GOV-006",
            p => p.Resource("iam-operators", PolicyType).Secret("statements[0]").Urn, Forms.Preview);
        yield return Attack("the whole statement list is unreadable in the state", "ENC-IAM-009",
            p => p.Resource("iam-auditors", PolicyType).Unknown("statements").Urn, Forms.Export);
        yield return Attack("the dynamic group's matching rule arrives as a secret in the state", "ENC-IAM-010",
            p => p.Resource("iam-adb-dynamic-group").Secret("matchingRule").Urn, Forms.Export);
    }

    /// <summary>10.2: define, endorse and admit in every form, the acceptor side of cross-tenancy peering included.</summary>
    private IEnumerable<AttackCase> CrossTenancy()
    {
        yield return Attack("acceptor side of a cross-tenancy local peering", "ENC-IAM-001", p => Add(p, "iam-services-root",
            $"define tenancy Requestor as {ParentTenancy}", "define group RequestorGrp as ocid1.group.oc1..aaaaaaaaexamplerequestorgrp",
            $"admit group RequestorGrp of tenancy Requestor to associate local-peering-gateways in tenancy Requestor with local-peering-gateways in compartment id {Compartment(p, "network")}"));
        yield return Attack("acceptor side of a cross-tenancy remote peering", "ENC-IAM-001", p => Add(p, "iam-services-root",
            "define tenancy Requestor as ocid1.tenancy.oc1..aaaaaaaaexampleothercotenancy",
            "admit any-user of tenancy Requestor to associate remote-peering-connections in tenancy Requestor with remote-peering-connections in tenancy"));
        yield return Attack("endorse operators into any tenancy", "ENC-IAM-001",
            p => Add(p, "iam-gatekeepers-root", $"endorse {Operators} to read objects in any-tenancy"));
        yield return Attack("requestor side of a peering to any tenancy", "ENC-IAM-001", p => Add(p, "iam-gatekeepers-root",
            $"endorse {Gatekeepers} to associate local-peering-gateways in compartment id {Compartment(p, "network")} with local-peering-gateways in any-tenancy"));
        yield return Attack("a define alone, not on the allow-list", "ENC-IAM-001",
            p => Add(p, "iam-services-root", "define tenancy Partner as ocid1.tenancy.oc1..aaaaaaaaexamplepartnertenancy"));
        yield return Attack("the parent tenancy's users admitted to read objects", "ENC-IAM-003", p => Add(p, "iam-services-root",
            $"define tenancy ParentCo as {ParentTenancy}", "admit any-user of tenancy ParentCo to read objects in tenancy"));
        yield return Attack("a parent-company group named by OCID", "ENC-IAM-003",
            p => Add(p, "iam-operators", $"allow group id {ParentGroupId} to read objects in compartment id {App(p)}"));
        yield return Attack("a group of the parent's identity domain", "ENC-IAM-003",
            p => Add(p, "iam-operators", $"allow group 'ParentCo'/'data-team' to read buckets in compartment id {App(p)}"));
    }

    /// <summary>10.3: any principal off the allow-list reaching data, whatever its condition.</summary>
    private IEnumerable<AttackCase> Outsiders()
    {
        yield return Attack("another team reads objects", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow group data-team to read objects in compartment id {App(p)} where {Net}"));
        yield return Attack("another team reads objects, spelt in the singular", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow group data-team to read object in compartment id {App(p)}"));
        yield return Attack("another team reads the database", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow group analytics to read autonomous-databases in compartment id {Compartment(p, "database")}"));
        yield return Attack("another team decrypts with the keys", "ENC-IAM-008",
            p => Add(p, "iam-gatekeepers", $"allow group key-users to use keys in compartment id {Compartment(p, "security")}"));
        yield return Attack("another team reads the logs", "ENC-IAM-008",
            p => Add(p, "iam-auditors", $"allow group sre to read log-content in compartment id {Compartment(p, "security")}"));
        yield return Attack("another team reads secret contents", "ENC-IAM-008",
            p => Add(p, "iam-gatekeepers", $"allow group app-team to read secret-bundles in compartment id {Compartment(p, "security")}"));
        yield return Attack("another team reads objects through a permission list", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow group data-team to {{OBJECT_INSPECT, OBJECT_READ}} in compartment id {App(p)}"));
        yield return Attack("a permission the gate does not know, of Object Storage", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow group data-team to {{OBJECT_BULK_DOWNLOAD}} in compartment id {App(p)}"));
        yield return Attack("a persona's name in another identity domain", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow group 'OtherDomain'/'usde-prod-db-operators' to read objects in compartment id {App(p)}"));
        yield return Attack("a persona's name in the Default domain", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow group usde-prod-db-operators to read objects in compartment id {App(p)}"));
        yield return Attack("the gatekeepers and another group in one statement", "ENC-IAM-008",
            p => Add(p, "iam-gatekeepers", $"allow {Gatekeepers}, group data-team to read objects in compartment id {App(p)} where {Net}"));
        yield return Attack("the gatekeepers and another group manage policies", "ENC-IAM-004",
            p => Add(p, "iam-gatekeepers-root", $"allow {Gatekeepers}, group data-team to manage policies in tenancy where {Net}"));
        yield return Attack("a dynamic group the stack does not declare", "ENC-IAM-008",
            p => Add(p, "iam-adb-kms", $"allow dynamic-group rogue-instances to read objects in compartment id {App(p)}"));
        yield return Attack("any-user scoped by principal type alone", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow any-user to read objects in compartment id {App(p)} where request.principal.type = 'instance'"));
        yield return Attack("any-group scoped by principal type alone", "ENC-IAM-008",
            p => Add(p, "iam-operators", $"allow any-group to read buckets in compartment id {App(p)} where all {{request.principal.type = 'fnfunc', request.region = 'IAD'}}"));
        yield return Attack("any-user pinned by an any {} with a tenancy-wide branch", "ENC-IAM-008", p => Add(p, "iam-operators",
            $"allow any-user to read objects in compartment id {App(p)} where any {{request.principal.compartment.id = '{Compartment(p, "app")}', request.principal.type = 'instance'}}"));
        yield return Attack("any-user pinned to the root compartment", "ENC-IAM-008", p => Add(p, "iam-operators",
            $"allow any-user to read objects in compartment id {App(p)} where request.principal.compartment.id = '{Tenancy(p)}'"));
        yield return Attack("any-user pinned by a compartment pattern", "ENC-IAM-008", p => Add(p, "iam-operators",
            $"allow any-user to read objects in compartment id {App(p)} where request.principal.compartment.id = /ocid1.compartment.*/"));
        yield return Attack("any-group pinned to a user who is no one's allow-listed identity", "ENC-IAM-008", p => Add(p, "iam-operators",
            $"allow any-group to read objects in compartment id {App(p)} where request.user.id = 'ocid1.user.oc1..aaaaaaaaexamplecontractor'"));
        yield return Attack("any-user manages the network by principal type alone", "ENC-IAM-002", p => Add(p, "iam-operators",
            $"allow any-user to manage virtual-network-family in compartment id {Compartment(p, "network")} where request.principal.type = 'instance'"));
        yield return Attack("the connector grant loses its compartment pin", "ENC-IAM-008", p => Replace(p, "oversight-archive-us-ashburn-1-connector-policy",
            "request.principal.compartment.id", s => s.Replace($"request.principal.compartment.id = '{Compartment(p, "security")}', ", "", StringComparison.Ordinal)));
    }

    /// <summary>10.3: dynamic groups match only resources of enclave compartments.</summary>
    private IEnumerable<AttackCase> DynamicGroups()
    {
        yield return Attack("dynamic group by resource type alone", "ENC-IAM-010",
            p => p.Resource("iam-adb-dynamic-group").Set("matchingRule", "ALL {resource.type = 'autonomousdatabase'}"));
        yield return Attack("dynamic group with a tenancy-wide any {} branch", "ENC-IAM-010", p => p.Resource("iam-adb-dynamic-group").Set("matchingRule",
            $"ANY {{resource.compartment.id = '{Compartment(p, "database")}', resource.type = 'fnfunc'}}"));
        yield return Attack("dynamic group of the root compartment", "ENC-IAM-010", p => p.Resource("iam-adb-dynamic-group").Set("matchingRule",
            $"ALL {{resource.type = 'autonomousdatabase', resource.compartment.id = '{Tenancy(p)}'}}"));
        yield return Attack("dynamic group rule that does not parse", "ENC-IAM-010", p => p.Resource("iam-adb-dynamic-group").Set("matchingRule",
            $"ALL {{resource.type = 'autonomousdatabase', resource.compartment.id = '{Compartment(p, "database")}'"));
    }

    /// <summary>10.3: service principals only of allowed US regions, and only the enclave's.</summary>
    private IEnumerable<AttackCase> Services()
    {
        yield return Attack("Object Storage of Frankfurt uses the keys", "ENC-IAM-011", p => Add(p, "iam-services",
            $"allow service objectstorage-eu-frankfurt-1 to use keys in compartment id {Compartment(p, "security")}"));
        yield return Attack("the buckets key handed to Object Storage of Tokyo", "ENC-IAM-011", p => Replace(p, "iam-services",
            "objectstorage-", s => s.Replace("objectstorage-us-ashburn-1", "objectstorage-ap-tokyo-1", StringComparison.Ordinal)));
        yield return Attack("a service the enclave does not use reads objects", "ENC-IAM-008",
            p => Add(p, "iam-services", $"allow service dataflow to read objects in compartment id {App(p)}"));
    }

    /// <summary>10.3: each persona's ceiling (operators, auditors, storage admins, gatekeepers).</summary>
    private IEnumerable<AttackCase> Ceilings()
    {
        yield return Attack("operators manage keys", "ENC-IAM-009",
            p => Add(p, "iam-operators", $"allow {Operators} to manage keys in compartment id {Compartment(p, "security")} where {Net}"));
        yield return Attack("operators manage vaults", "ENC-IAM-009",
            p => Add(p, "iam-operators", $"allow {Operators} to manage vaults in compartment id {Compartment(p, "security")} where {Net}"));
        yield return Attack("operators may delete the database", "ENC-IAM-009", p => Replace(p, "iam-operators",
            "inspect autonomous-database-family", s => s.Replace("inspect", "manage", StringComparison.Ordinal)));
        yield return Attack("operators run the database from anywhere", "ENC-IAM-009", p => Replace(p, "iam-operators",
            "use autonomous-databases", s => s.Replace($"{Net}, ", "", StringComparison.Ordinal)));
        yield return Attack("operators may create pre-authenticated requests", "ENC-IAM-009", p => Replace(p, "iam-operators",
            "object-family", s => s.Replace("request.permission != 'PAR_MANAGE', ", "", StringComparison.Ordinal)));
        yield return Attack("operators get PAR_MANAGE by name", "ENC-IAM-009",
            p => Add(p, "iam-operators", $"allow {Operators} to {{PAR_MANAGE}} in compartment id {App(p)} where {Net}"));
        yield return Attack("auditors read user data objects", "ENC-IAM-009",
            p => Add(p, "iam-auditors", $"allow {Auditors} to read objects in compartment id {App(p)}"));
        yield return Attack("auditors read database contents", "ENC-IAM-009", p => Replace(p, "iam-auditors",
            "inspect autonomous-database-family", s => s.Replace("inspect", "read", StringComparison.Ordinal)));
        yield return Attack("auditors read backup contents", "ENC-IAM-009",
            p => Add(p, "iam-auditors", $"allow {Auditors} to read autonomous-backups in compartment id {Compartment(p, "database")}"));
        yield return Attack("auditors read all resources", "ENC-IAM-009",
            p => Add(p, "iam-auditors", $"allow {Auditors} to read all-resources in compartment id {Compartment(p, "top")}"));
        yield return Attack("auditors encrypt and decrypt with the keys", "ENC-IAM-009",
            p => Add(p, "iam-auditors", $"allow {Auditors} to use keys in compartment id {Compartment(p, "security")}"));
        yield return Attack("auditors read secret contents", "ENC-IAM-009",
            p => Add(p, "iam-auditors", $"allow {Auditors} to read secret-family in compartment id {Compartment(p, "security")}"));
        yield return Attack("auditors' archive read widened by a pattern", "ENC-IAM-009", p => Replace(p, "oversight-archive-us-ashburn-1-connector-policy",
            "target.bucket.name", s => s.Contains("to read objects", StringComparison.Ordinal) ? s[..s.IndexOf(" where", StringComparison.Ordinal)] + " where target.bucket.name = /usde-*/" : s));
        yield return Attack("auditors' archive read retargeted at the user data", "ENC-IAM-009", p => Replace(p, "oversight-archive-us-ashburn-1-connector-policy",
            "to read objects", s => s[..s.IndexOf(" where", StringComparison.Ordinal)] + $" where target.bucket.name = '{BucketName(p, "storage-user-data")}'"));
        yield return Attack("storage admins read objects", "ENC-IAM-009",
            p => Add(p, "iam-storage-admins", $"allow {StorageAdmins} to read objects in compartment id {App(p)} where {Net}"));
        yield return Attack("storage admins manage everything but delete", "ENC-IAM-009", p => Add(p, "iam-storage-admins",
            $"allow {StorageAdmins} to manage object-family in compartment id {App(p)} where all {{request.permission != 'BUCKET_DELETE', {Net}}}"));
        yield return Attack("gatekeepers may create pre-authenticated requests", "ENC-IAM-009", p => Replace(p, "iam-gatekeepers",
            "object-family", s => s.Replace("request.permission != 'PAR_MANAGE', ", "", StringComparison.Ordinal)));
        yield return Attack("gatekeepers manage keys from anywhere", "ENC-IAM-009",
            p => Add(p, "iam-gatekeepers", $"allow {Gatekeepers} to manage keys in compartment id {Compartment(p, "security")}"));
        yield return Attack("gatekeepers' network condition names another network source", "ENC-IAM-009", p => Add(p, "iam-gatekeepers",
            $"allow {Gatekeepers} to manage keys in compartment id {Compartment(p, "security")} where request.networkSource.name = 'anywhere'"));
        yield return Attack("gatekeepers' keys grant conditioned on the auditors' network", "ENC-IAM-009", p => Add(p, "iam-gatekeepers",
            $"allow {Gatekeepers} to manage keys in compartment id {Compartment(p, "security")} where all {{{AuditorGuard}}}"));
        yield return Attack("a delete-only grant to the operators", "ENC-IAM-006", p => Add(p, "iam-operators",
            $"allow {Operators} to manage object-family in compartment id {App(p)} where all {{request.permission = 'OBJECT_DELETE', {Net}}}"));
    }

    /// <summary>Hardening of IAM a careful engineer makes: the gate must let each through.</summary>
    private IEnumerable<AttackCase> Hardening()
    {
        yield return Legitimate("operators can no longer restart the database", p => Replace(p, "iam-operators",
            "use autonomous-databases", s => s.Replace(", request.operation = 'RestartAutonomousDatabase'", "", StringComparison.Ordinal)));
        yield return Legitimate("auditors read the archive only in office hours", p => Replace(p, "oversight-archive-us-ashburn-1-connector-policy",
            "to read objects", s => s.Replace("where all {", "where all {request.utc-timestamp.time-of-day between '12:00:00Z' and '23:00:00Z', ", StringComparison.Ordinal)));
        yield return Legitimate("gatekeepers manage keys only in office hours", p => Replace(p, "iam-gatekeepers",
            "manage keys", s => s.Replace("where all {", "where all {request.utc-timestamp.time-of-day between '13:00:00Z' and '23:00:00Z', ", StringComparison.Ordinal)));
        yield return Legitimate("operators lose the private-ip grant", p => Replace(p, "iam-operators", "manage private-ips", _ => null));
        yield return Legitimate("auditors inspect the user data objects' names only", p => Add(p, "iam-auditors",
            $"allow {Auditors} to inspect objects in compartment id {App(p)} where all {{{AuditorGuard}}}"));
        yield return Legitimate("the connector grant is pinned to the connector itself too", p => Replace(p, "oversight-archive-us-ashburn-1-connector-policy",
            "request.principal.compartment.id", s => s.Replace("request.principal.type = 'serviceconnector', ",
                $"request.principal.type = 'serviceconnector', request.principal.id = '{Id(p, "oversight-archive-us-ashburn-1-connector")}', ", StringComparison.Ordinal)));
        yield return Legitimate("the database dynamic group names the database itself", p => p.Resource("iam-adb-dynamic-group").Set("matchingRule",
            $"ALL {{resource.type = 'autonomousdatabase', resource.compartment.id = '{Compartment(p, "database")}', resource.id = '{Id(p, "database-adb")}'}}"));
        yield return Legitimate("a deny keeps auditors off the user data bucket", p => Add(p, "iam-auditors",
            $"deny {Auditors} to read objects in compartment id {App(p)} where target.bucket.name = '{BucketName(p, "storage-user-data")}'"));
        yield return Legitimate("a statement rewritten with upper-case keywords", p => Replace(p, "iam-operators",
            "read vaults", s => s.Replace("allow ", "ALLOW ", StringComparison.Ordinal).Replace(" to read vaults in ", " TO READ VAULTS IN ", StringComparison.Ordinal)));
        yield return Legitimate("storage admins delete only in the user data bucket", p => Replace(p, "iam-storage-admins",
            "OBJECT_DELETE", s => s.Replace("request.permission = 'OBJECT_DELETE', ", $"request.permission = 'OBJECT_DELETE', target.bucket.name = '{BucketName(p, "storage-user-data")}', ", StringComparison.Ordinal)));
    }

    // Statements of a policy, in inputs and outputs alike (ResourceEdit.Set changes both).

    private static string Add(Prod p, string policy, params string[] statements)
    {
        var edit = p.Resource(policy, PolicyType);
        foreach (var s in statements) edit.Append("statements", s);
        return edit.Urn;
    }

    /// <summary>Rewrites (or, when <paramref name="rewrite"/> returns null, drops) each statement containing <paramref name="marker"/>.</summary>
    private static string Replace(Prod p, string policy, string marker, Func<string, string?> rewrite)
    {
        var edit = p.Resource(policy, PolicyType);
        var statements = (JsonArray)edit.Get("statements")!;
        var rewritten = new JsonArray();
        var hit = false;
        foreach (var s in statements.Select(n => n!.GetValue<string>()))
        {
            var changed = s.Contains(marker, StringComparison.Ordinal) ? rewrite(s) : s;
            hit |= !ReferenceEquals(changed, s);
            if (changed is not null) rewritten.Add(changed);
        }
        if (!hit) throw new ArgumentException($"{policy}: no statement contains {marker}");
        edit.Set("statements", rewritten);
        return edit.Urn;
    }

    private static string Id(Prod p, string resource) => p.Resource(resource).Json["id"]!.GetValue<string>();
    private static string Compartment(Prod p, string name) => Id(p, $"tenancy-{name}");
    private static string App(Prod p) => Compartment(p, "app");
    private static string Tenancy(Prod _) => "ocid1.tenancy.oc1..aaaaaaaaexampleprodtenancy0000000000000000000000000000000000";
    private static string BucketName(Prod p, string bucket) => p.Resource(bucket).Get("name")!.GetValue<string>();
}
