using System.Collections.Immutable;
using Enclave.Configuration.Checks;
using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary>
/// <c>us-data-enclave:breakGlass</c> (optional): the only local users the enclave may have, the persona groups each may
/// join and the credentials each may hold. No user may carry a parent-company name or address.
/// </summary>
internal static class BreakGlassSection
{
    private static readonly string[] Fields = ["users"];
    private static readonly string[] UserFields = ["name", "email", "ocid", "groups", "credentials"];

    /// <summary>The persona keys of <c>us-data-enclave:groups</c> a user may be a member of.</summary>
    public static readonly string[] Personas = ["gatekeeper", "operator", "auditor", "storageAdmin"];

    private static readonly (string Name, CredentialKind Kind)[] Kinds =
    [
        ("apiKey", CredentialKind.ApiKey), ("authToken", CredentialKind.AuthToken),
        ("customerSecretKey", CredentialKind.CustomerSecretKey), ("smtpCredential", CredentialKind.SmtpCredential),
    ];

    public static BreakGlassSettings Read(ConfigReader r, ReadContext context)
    {
        var o = r.Object(ConfigKeys.BreakGlass, "an object listing the break-glass users", Fields, required: false);
        if (o is null) return BreakGlassSettings.None;
        var items = o.ObjectList("users", "a list of users, each {name, email, ocid, groups, credentials}", UserFields) ?? [];
        var users = ImmutableArray.CreateBuilder<BreakGlassUser>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var name = item.String("name", "the user name (letters, digits, '.', '_', '-', '@')");
            var email = item.String("email", "the user's e-mail address", required: false);
            var ocid = item.String("ocid", $"the user's OCID ({Ocid.Example("user")})", required: false);
            var groups = item.StringList("groups", $"a list of persona groups: {string.Join(", ", Personas)}", required: false) ?? [];
            var kinds = item.StringList("credentials", $"a list of credential kinds: {string.Join(", ", Kinds.Select(k => k.Name))}", required: false) ?? [];

            var ok = CheckName(r, item.FieldKey("name"), name, context, seen);
            ok &= email is null || CheckEmail(r, item.FieldKey("email"), email, context);
            if (ocid is not null && !Ocid.IsGlobal(ocid, "user"))
            {
                r.Report(item.FieldKey("ocid"), $"'{ocid}' is not a user OCID; expected the shape {Ocid.Example("user")}");
                ok = false;
            }
            for (var i = 0; i < groups.Length; i++)
                ok &= r.OneOf($"{item.FieldKey("groups")}[{i}]", groups[i], Personas);
            var credentials = ImmutableArray.CreateBuilder<CredentialKind>();
            for (var i = 0; i < kinds.Length; i++)
            {
                if (r.OneOf($"{item.FieldKey("credentials")}[{i}]", kinds[i], Kinds.Select(k => k.Name).ToArray()))
                    credentials.Add(Kinds.First(k => k.Name == kinds[i]).Kind);
                else ok = false;
            }
            if (ok)
                users.Add(new BreakGlassUser
                {
                    Name = name!, Email = email, Ocid = ocid, Groups = [.. groups.Distinct()], Credentials = [.. credentials.Distinct()],
                });
        }
        return new BreakGlassSettings { Users = users.ToImmutable() };
    }

    private static bool CheckName(ConfigReader r, string key, string? name, ReadContext context, Dictionary<string, string> seen)
    {
        if (name is null) return false;
        // OCI user names are IAM names or e-mail addresses.
        if (!Names.IamName().IsMatch(name) && !Names.Email().IsMatch(name))
        {
            r.Report(key, $"'{name}' is not a user name (letters, digits, '.', '_', '-', or an e-mail address)");
            return false;
        }
        if (Names.Email().IsMatch(name) && !CheckEmail(r, key, name, context)) return false;
        if (seen.TryGetValue(name, out var first))
        {
            r.Report(key, $"'{name}' is already listed ({first}); list each user once");
            return false;
        }
        seen[name] = key;
        return true;
    }

    private static bool CheckEmail(ConfigReader r, string key, string email, ReadContext context)
    {
        if (!Names.Email().IsMatch(email))
        {
            r.Report(key, $"'{email}' is not a well-formed e-mail address (name@domain.example)");
            return false;
        }
        if (Exclusions.MatchEmail(email, context.Exclusions) is not { } excluded) return true;
        r.Report(key, $"'{email}' is in the parent-company e-mail domain '{excluded}' ({ConfigKeys.ParentExclusions}.emailDomains); " +
                      "break-glass users must be US gatekeepers");
        return false;
    }
}
