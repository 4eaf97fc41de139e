using System.Net;
using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>IAM boundaries (item 6), read from the policy statements as OCI would read them.</summary>
public static class IamRules
{
    public static IReadOnlyList<string> GroupsExistForEveryPersona(Deployed d)
    {
        var check = new Check();
        var g = d.Settings.Groups;
        string[] personas = [g.Gatekeeper, g.Operator, g.Auditor, g.StorageAdmin];
        var statements = d.ParsedStatements().Select(x => x.Statement).ToList();
        foreach (var persona in personas)
        {
            if (g.IdentityDomain is null)
                check.That(d.OfType(Oci.Group).Any(x => x.Str("name") == persona && x.Str("compartmentId") == d.Settings.TenancyOcid),
                    $"no group '{persona}'");
            else
            {
                // A named identity domain's groups are declared as domain groups in that domain (not left to the console).
                check.That(d.OfType(Oci.DomainsGroup).Any(x => x.Str("displayName") == persona && !string.IsNullOrEmpty(x.Str("idcsEndpoint"))
                                                               && x.Strings("schemas").Contains("urn:ietf:params:scim:schemas:core:2.0:Group")),
                    $"no domain group '{persona}' declared in identity domain '{g.IdentityDomain}'");
                check.That(statements.Any(s => s.Subject == $"group '{g.IdentityDomain}'/'{persona}'"),
                    $"no statement for group '{g.IdentityDomain}'/'{persona}'");
            }
            check.That(statements.Any(s => s.IsGroup(persona)), $"group '{persona}' is granted nothing");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> DatabaseDynamicGroupMayUseOnlyItsVaultKey(Deployed d)
    {
        var check = new Check();
        var groups = d.OfType(Oci.DynamicGroup).ToList();
        check.That(groups.Count == 1, $"{groups.Count} dynamic groups");
        var databaseKey = d.KeyFor("database")?.Id;
        var security = d.CompartmentId("security");
        foreach (var dg in groups)
        {
            var rule = (dg.Str("matchingRule") ?? "").Replace(" ", "");
            check.That(rule.Contains("resource.type='autonomousdatabase'", StringComparison.Ordinal) &&
                       rule.Contains($"resource.compartment.id='{d.CompartmentId("database")}'", StringComparison.Ordinal),
                $"dynamic group rule '{dg.Str("matchingRule")}'");
            var grants = d.ParsedStatements().Select(x => x.Statement)
                .Where(s => s.Subject == $"dynamic-group {dg.Str("name")}").ToList();
            check.That(grants.Any(s => s is { Verb: "use", Resource: "keys" } && s.HasCondition($"target.key.id='{databaseKey}'")),
                "the database may not use its key");
            var secretName = d.OfType(Oci.Secret).SingleOrDefault()?.Str("secretName");
            foreach (var s in grants)
                check.That(s.CompartmentId == security && s.VerbLevel <= 2 &&
                           (s.Resource == "vaults" || (s.Resource == "keys" && s.HasCondition($"target.key.id='{databaseKey}'"))
                            || (s.Resource == "secret-bundles" && secretName is not null && s.HasCondition($"target.secret.name='{secretName}'"))),
                    $"dynamic group granted: {s.Text}");
        }
        return check.Violations;
    }

    /// <summary>Resource types that only exist at tenancy level (or that Cloud Guard reads tenancy-wide).</summary>
    public static readonly string[] TenancyScopedResources =
    [
        "users", "groups", "dynamic-groups", "identity-providers", "network-sources", "authentication-policies", "policies",
        "compartments", "cloud-guard-family", "cloudevents-rules", "audit-events", "tag-namespaces",
    ];

    public static IReadOnlyList<string> PoliciesAttachToEnclaveCompartmentsExceptTenancyScope(Deployed d)
    {
        var check = new Check();
        var enclave = d.EnclaveCompartmentIds();
        foreach (var (policy, s) in d.ParsedStatements())
        {
            if (policy.Str("compartmentId") == d.Settings.TenancyOcid)
                check.That(s.InTenancy && (TenancyScopedResources.Contains(s.Resource) || s.Subject == "service cloudguard"),
                    $"root policy {policy.Str("name")} grants something that belongs in an enclave compartment: {s.Text}");
            else
                check.That(policy.Str("compartmentId") == d.CompartmentId("top") && s.CompartmentId is { } c && enclave.Contains(c),
                    $"policy {policy.Str("name")} (attached to {policy.Str("compartmentId")}) grants outside the enclave: {s.Text}");
        }
        return check.Violations;
    }

    /// <summary>IAM objects (R5): only the gatekeepers may change them.</summary>
    public static readonly string[] IamObjects =
    [
        "policies", "groups", "dynamic-groups", "identity-providers", "network-sources", "authentication-policies", "users",
        "domains", "identity-domains", "all-resources",
    ];

    public static IReadOnlyList<string> IamObjectsManagedOnlyByGatekeepers(Deployed d)
    {
        var check = new Check();
        foreach (var (_, s) in d.ParsedStatements().Where(x => IamObjects.Contains(x.Statement.Resource) && x.Statement.VerbLevel >= 2))
            check.That(s.IsGroup(d.Settings.Groups.Gatekeeper) && s.Resource != "all-resources",
                $"IAM objects changeable by someone else than the gatekeepers: {s.Text}");
        return check.Violations;
    }

    /// <summary>CIS 1.3, as the compliance script checks it.</summary>
    public static IReadOnlyList<string> GatekeepersCannotModifyAdministratorsGroup(Deployed d)
    {
        var check = new Check();
        foreach (var (_, s) in d.ParsedStatements().Where(x => x.Statement.InTenancy && x.Statement.VerbLevel >= 2 &&
                                                              x.Statement.Resource is "groups" or "all-resources" or "users"))
            check.That(s.HasCondition("target.group.name != 'Administrators'"), $"may modify Administrators: {s.Text}");
        return check.Violations;
    }

    private static readonly Dictionary<string, string[]> DeletePermissions = new()
    {
        ["object-family"] = ["BUCKET_DELETE", "OBJECT_DELETE"],
        ["buckets"] = ["BUCKET_DELETE"],
        ["objects"] = ["OBJECT_DELETE"],
    };

    /// <summary>CIS 1.15: only the storage admins may delete buckets and objects.</summary>
    public static IReadOnlyList<string> StorageDeletesReservedToStorageAdmins(Deployed d)
    {
        var check = new Check();
        var storageAdmin = d.Settings.Groups.StorageAdmin;
        var adminDeletes = new HashSet<string>();
        foreach (var (_, s) in d.ParsedStatements().Where(x => x.Statement.Verb == "manage" && DeletePermissions.ContainsKey(x.Statement.Resource)))
        {
            var permissions = DeletePermissions[s.Resource];
            if (s.IsGroup(storageAdmin))
            {
                var granted = permissions.Where(p => s.HasCondition($"request.permission='{p}'")).ToList();
                check.That(granted.Count > 0 && !s.CompactCondition.Contains("!=", StringComparison.Ordinal),
                    $"storage admins manage storage beyond deletes: {s.Text}");
                adminDeletes.UnionWith(granted);
            }
            else
                check.That(permissions.All(p => s.HasCondition($"request.permission!='{p}'")), $"may delete storage: {s.Text}");
        }
        check.That(adminDeletes.SetEquals(["BUCKET_DELETE", "OBJECT_DELETE"]), "storage admins cannot delete buckets and objects");
        return check.Violations;
    }

    public static IReadOnlyList<string> GatekeeperAndOperatorAccessRequiresGatekeeperNetworkSource(Deployed d)
    {
        var check = new Check();
        var sources = d.OfType(Oci.NetworkSource).Where(s => s.Str("name") == d.Display("gatekeeper-networks")).ToList();
        check.That(sources.Count == 1, $"{sources.Count} gatekeeper network sources");
        var source = sources.FirstOrDefault();
        check.That(source?.Str("compartmentId") == d.Settings.TenancyOcid &&
                   source.Strings("publicSourceLists").ToHashSet().SetEquals(d.Settings.GatekeeperCidrs),
            $"network source lists {string.Join(", ", source?.Strings("publicSourceLists") ?? [])}");
        var g = d.Settings.Groups;
        foreach (var (_, s) in d.ParsedStatements().Where(x => x.Statement.IsGroup(g.Gatekeeper) || x.Statement.IsGroup(g.Operator)))
            check.That(s.HasCondition($"request.networkSource.name='{source?.Str("name")}'") &&
                       !s.CompactCondition.StartsWith("any{", StringComparison.Ordinal),
                $"not conditioned on the gatekeeper network source: {s.Text}");
        return check.Violations;
    }

    public static IReadOnlyList<string> AuditorsAreReadOnly(Deployed d)
    {
        var check = new Check();
        var grants = d.ParsedStatements().Select(x => x.Statement).Where(s => s.IsGroup(d.Settings.Groups.Auditor)).ToList();
        check.That(grants.Count > 0, "auditors are granted nothing");
        foreach (var s in grants)
        {
            check.That(s.Verb is "inspect" or "read", $"auditor statement is not read-only: {s.Text}");
            check.That(s.Resource is not ("objects" or "object-family") || s.CompartmentId == d.CompartmentId("security"),
                $"auditors may read user data: {s.Text}");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> PoliciesHaveNoAdmitEndorseOrDefine(Deployed d)
    {
        var check = new Check();
        foreach (var (policy, s) in d.ParsedStatements())
            check.That(s.Keyword == "allow", $"{policy.Str("name")}: '{s.Keyword}' statement: {s.Text}");
        return check.Violations;
    }

    public static IReadOnlyList<string> PoliciesNeverManageAllResources(Deployed d)
    {
        var check = new Check();
        foreach (var (_, s) in d.ParsedStatements())
            check.That(!(s.Resource == "all-resources" && s.VerbLevel >= 2), $"broad grant: {s.Text}");
        return check.Violations;
    }

    public static IReadOnlyList<string> AnyUserStatementsAreConditionedOnPrincipalType(Deployed d)
    {
        var check = new Check();
        foreach (var (_, s) in d.ParsedStatements().Where(x => x.Statement.Subject is "any-user" or "any-group"))
            check.That(s.CompactCondition.StartsWith("all{", StringComparison.Ordinal) &&
                       s.HasCondition("request.principal.type=") && s.HasCondition("request.principal.compartment.id="),
                $"unconditioned {s.Subject}: {s.Text}");
        return check.Violations;
    }

    /// <summary>No input of any resource names an excluded parent-company identity or network.</summary>
    public static IReadOnlyList<string> NoInputNamesExcludedParentIdentity(Deployed d)
    {
        var check = new Check();
        var x = d.Settings.ParentExclusions;
        var needles = x.TenancyOcids.Concat(x.IdentityDomains).Concat(x.IdentityProviders).Concat(x.Groups)
            .Concat(x.Groups.Where(g => g.Contains('/')).Select(g => string.Join("/", g.Split('/').Select(p => $"'{p}'"))))
            .Concat(x.EmailDomains.Select(e => "@" + e)).Concat(x.Cidrs).ToList();
        var parentNetworks = x.Cidrs.Select(IPNetwork.Parse).ToList();
        foreach (var r in d.Resources)
        foreach (var text in Values.AllStrings(r.Inputs))
        {
            foreach (var needle in needles)
                check.That(!text.Contains(needle, StringComparison.OrdinalIgnoreCase), $"{r.Where()} names excluded '{needle}'");
            if (IPNetwork.TryParse(text, out var network))
                check.That(!parentNetworks.Any(p => p.Contains(network.BaseAddress) || network.Contains(p.BaseAddress)),
                    $"{r.Where()} names {text}, inside an excluded parent-company network");
        }
        return check.Violations;
    }
}
