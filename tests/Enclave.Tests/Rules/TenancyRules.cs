using Enclave.Tests.Support;

namespace Enclave.Tests.Rules;

/// <summary>Tenancy foundation (item 2).</summary>
public static class TenancyRules
{
    public static readonly string[] ChildFunctions = ["network", "security", "database", "app"];

    public static IReadOnlyList<string> CompartmentsNestUnderEnclaveTop(Deployed d)
    {
        var check = new Check();
        var parent = d.Settings.ParentCompartmentOcid ?? d.Settings.TenancyOcid;
        var top = d.OfType(Oci.Compartment).FirstOrDefault(c => c.Str("name") == d.Display("top-cmp"));
        check.That(top is not null, "no enclave top compartment");
        check.That(top?.Str("compartmentId") == parent, $"top compartment is under {top?.Str("compartmentId")}, not {parent}");
        foreach (var function in ChildFunctions)
        {
            var child = d.OfType(Oci.Compartment).FirstOrDefault(c => c.Str("name") == d.Display($"{function}-cmp"));
            check.That(child is not null, $"no {function} compartment");
            check.That(child is null || child.Str("compartmentId") == top?.Id,
                $"{function} compartment is under {child?.Str("compartmentId")}, not the enclave top");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> CompartmentsAreNeverDeleted(Deployed d)
    {
        var check = new Check();
        foreach (var c in d.OfType(Oci.Compartment))
            check.That(c.Bool("enableDelete") == false, $"{c.Where()} has enableDelete={c.Bool("enableDelete")}");
        return check.Violations;
    }

    /// <summary>What may live in the root compartment: tenancy-level settings only (CIS 6.2).</summary>
    public static readonly string[] RootTypes =
    [
        Oci.AuditConfiguration, Oci.CloudGuardConfiguration, Oci.Policy, Oci.Group, Oci.DynamicGroup, Oci.NetworkSource,
        Oci.EventRule, Oci.AuthenticationPolicy,
    ];

    public static IReadOnlyList<string> RootCompartmentHoldsOnlyTenancyLevelSettings(Deployed d)
    {
        var check = new Check();
        foreach (var r in d.OciResources.Where(r => r.Str("compartmentId") == d.Settings.TenancyOcid))
        {
            var enclaveTop = r.Type == Oci.Compartment && r.Str("name") == d.Display("top-cmp");
            check.That(RootTypes.Contains(r.Type) || enclaveTop, $"{r.Where()} is in the root compartment");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> DefaultTagsRecordCreatorAndTime(Deployed d)
    {
        var check = new Check();
        var top = d.CompartmentId("top");
        foreach (var (tagName, value) in new[] { ("CreatedBy", "${iam.principal.name}"), ("CreatedOn", "${oci.datetime}") })
        {
            var tag = d.OfType(Oci.Tag).FirstOrDefault(t => t.Str("name") == tagName);
            var ns = d.ById(tag?.Str("tagNamespaceId"));
            check.That(tag is not null && ns?.Str("compartmentId") == top, $"no {tagName} tag in a namespace of the top compartment");
            check.That(d.OfType(Oci.TagDefault).Any(td => td.Str("tagDefinitionId") == tag?.Id &&
                                                          td.Str("value") == value && td.Str("compartmentId") == top),
                $"no tag default {tagName}={value} on the top compartment");
        }
        return check.Violations;
    }

    public static IReadOnlyList<string> AuditRetentionIs365Days(Deployed d)
    {
        var audits = d.OfType(Oci.AuditConfiguration).ToList();
        var check = new Check().That(audits.Count == 1, $"{audits.Count} audit configurations");
        foreach (var a in audits)
            check.That(a.Str("compartmentId") == d.Settings.TenancyOcid && a.Num("retentionPeriodDays") == 365,
                $"audit retention is {a.Num("retentionPeriodDays")} days on {a.Str("compartmentId")}");
        return check.Violations;
    }

    public static IReadOnlyList<string> CloudGuardEnabledWithHomeReportingRegion(Deployed d)
    {
        var configs = d.OfType(Oci.CloudGuardConfiguration).ToList();
        var check = new Check().That(configs.Count == 1, $"{configs.Count} Cloud Guard configurations");
        foreach (var c in configs)
            // selfManageResources=true leaves the Oracle-managed recipes to the customer: the tenancy then has none for
            // the enclave's target to clone (CloudGuardTarget.OracleRecipe), so Cloud Guard must manage them itself.
            check.That(c.Str("status") == "ENABLED" && c.Str("reportingRegion") == d.Settings.HomeRegion &&
                       c.Str("compartmentId") == d.Settings.TenancyOcid && c.Bool("selfManageResources") == false,
                $"Cloud Guard status={c.Str("status")} reportingRegion={c.Str("reportingRegion")} " +
                $"selfManageResources={c.Bool("selfManageResources")}");
        return check.Violations;
    }

    /// <summary>What Cloud Guard needs to watch the enclave: read every resource of the tenancy, and use NSGs for its
    /// responders (landing-zone wording). Without these root grants the detectors see nothing and raise no problem.</summary>
    public static readonly string[] CloudGuardServiceGrants =
    [
        "allow service cloudguard to read all-resources in tenancy",
        "allow service cloudguard to use network-security-groups in tenancy",
    ];

    public static IReadOnlyList<string> CloudGuardMayReadTheTenancy(Deployed d)
    {
        var root = d.Statements.Where(x => x.Policy.Str("compartmentId") == d.Settings.TenancyOcid)
            .Select(x => x.Statement).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var check = new Check();
        foreach (var grant in CloudGuardServiceGrants)
            check.That(root.Contains(grant), $"no root policy says '{grant}'");
        return check.Violations;
    }

    /// <summary>Zone policies the brief requires, by friendly name (the fake cloud's catalogue gives their ids).</summary>
    public static readonly string[] RequiredZonePolicies =
    [
        "deny public_buckets", "deny public_subnets", "deny internet_gateway", "deny db_instance_public_access",
        "deny buckets_without_vault_key", "deny block_volume_without_vault_key", "deny boot_volume_without_vault_key",
        "deny file_system_without_vault_key", "deny database_without_backup", "deny free_database_creation",
        "deny bucket_in_security_zone_move_to_compartment_not_in_security_zone",
        "deny db_instance_move_to_compartment_not_in_security_zone",
    ];

    public static IReadOnlyList<string> SecurityZoneCoversEnclaveWithRequiredRecipe(Deployed d)
    {
        var check = new Check();
        var zones = d.OfType(Oci.SecurityZone).ToList();
        check.That(zones.Any(z => z.Str("compartmentId") == d.CompartmentId("top")), "no security zone on the enclave top compartment");
        foreach (var zone in zones)
        {
            var recipe = d.ById(zone.Str("securityZoneRecipeId"));
            var ids = recipe?.Strings("securityPolicies") ?? [];
            foreach (var name in RequiredZonePolicies)
                check.That(d.SecurityPolicyId(name) is { } id && ids.Contains(id), $"zone recipe lacks '{name}'");
        }
        return check.Violations;
    }
}
