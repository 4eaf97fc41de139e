using System.Collections.Immutable;
using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary>The top-level identity keys: tenancy, parent compartment, gatekeeper networks and notification addresses.</summary>
internal static class IdentitySection
{
    public static string? ReadTenancy(ConfigReader r, ReadContext context)
    {
        var tenancy = r.String(ConfigKeys.TenancyOcid, $"the tenancy OCID ({Ocid.Example("tenancy")})");
        if (tenancy is null) return null;
        if (!Ocid.IsGlobal(tenancy, "tenancy", "oc1"))
            r.Report(ConfigKeys.TenancyOcid, $"'{tenancy}' is not a commercial-realm tenancy OCID; expected the shape {Ocid.Example("tenancy")}");
        else if (Exclusions.MatchTenancy(tenancy, context.Exclusions) is not null)
            r.Report(ConfigKeys.TenancyOcid, $"'{tenancy}' is a parent-company tenancy ({ConfigKeys.ParentExclusions}.tenancyOcids); " +
                                             "the enclave must be deployed in the US-controlled tenancy");
        return tenancy;
    }

    public static string? ReadParentCompartment(ConfigReader r, ReadContext context, string? tenancy)
    {
        var key = ConfigKeys.ParentCompartmentOcid;
        var ocid = r.String(key, $"a compartment OCID ({Ocid.Example("compartment")}), or omit it to use the tenancy", required: false);
        if (ocid is null) return null;
        if (Ocid.IsGlobal(ocid, "tenancy", "oc1"))
        {
            if (tenancy is not null && ocid != tenancy)
                r.Report(key, $"'{ocid}' is a tenancy other than {ConfigKeys.TenancyOcid}; use a compartment of that tenancy");
        }
        else if (!Ocid.IsGlobal(ocid, "compartment", "oc1"))
            r.Report(key, $"'{ocid}' is not a compartment OCID; expected the shape {Ocid.Example("compartment")}");
        return ocid;
    }

    public static string? ReadNamePrefix(ConfigReader r)
    {
        const string what = "a name prefix: lowercase letters, digits and '-', starting with a letter, 2 to 24 characters (e.g. usde-prod)";
        var prefix = r.String(ConfigKeys.NamePrefix, what);
        if (prefix is not null && !Names.NamePrefix().IsMatch(prefix))
            r.Report(ConfigKeys.NamePrefix, $"'{prefix}' is not allowed; expected {what}");
        return prefix;
    }

    /// <summary>Public CIDRs of the gatekeepers: never a near-open block (the internet or a supernet of it), never a parent-company network.</summary>
    public static ImmutableArray<string>? ReadGatekeeperCidrs(ConfigReader r, ReadContext context) =>
        ReadPersonaCidrs(r, context, ConfigKeys.GatekeeperCidrs, "gatekeepers'",
            "list at least one gatekeeper CIDR block (the Bastion admits no one else)", "a gatekeeper network");

    /// <summary>Public CIDRs of US oversight, validated like the gatekeepers': the auditors' own network source.</summary>
    public static ImmutableArray<string>? ReadAuditorCidrs(ConfigReader r, ReadContext context) =>
        ReadPersonaCidrs(r, context, ConfigKeys.AuditorCidrs, "auditors'",
            "list at least one auditor CIDR block (auditors are admitted only from their own network source)", "an auditor network");

    private static ImmutableArray<string>? ReadPersonaCidrs(ConfigReader r, ReadContext context, string key, string whose,
        string whenEmpty, string what)
    {
        var cidrs = r.StringList(key, $"a list of the {whose} public CIDR blocks, e.g. [198.51.100.0/28]");
        if (cidrs is not { } list) return null;
        if (list.IsEmpty) r.Report(key, $"is empty; {whenEmpty}");
        for (var i = 0; i < list.Length; i++)
        {
            var itemKey = $"{key}[{i}]";
            if (r.Cidr(itemKey, list[i]) is not { } block) continue;
            if (r.NotNearOpen(itemKey, list[i], block, context, what))
                r.NotParentNetwork(itemKey, list[i], block, context, what);
        }
        return list;
    }

    /// <summary>Gatekeeper addresses: well-formed, and none in a parent-company e-mail domain.</summary>
    public static ImmutableArray<string>? ReadEmails(ConfigReader r, ReadContext context)
    {
        var key = ConfigKeys.NotificationEmails;
        var emails = r.StringList(key, "a list of gatekeeper e-mail addresses, e.g. [security@enclave.example]");
        if (emails is not { } list) return null;
        if (list.IsEmpty) r.Report(key, "is empty; list at least one gatekeeper address to receive change notifications");
        for (var i = 0; i < list.Length; i++)
        {
            var itemKey = $"{key}[{i}]";
            if (!Names.Email().IsMatch(list[i]))
                r.Report(itemKey, $"'{list[i]}' is not a well-formed e-mail address (name@domain.example)");
            else if (Exclusions.MatchEmail(list[i], context.Exclusions) is { } excluded)
                r.Report(itemKey, $"'{list[i]}' is in the parent-company e-mail domain '{excluded}' " +
                                  $"({ConfigKeys.ParentExclusions}.emailDomains); notifications must go to US gatekeepers only");
        }
        return list;
    }
}
