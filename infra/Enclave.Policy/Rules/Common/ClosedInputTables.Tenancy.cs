using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static Inert TagParts(params string[] keys) => new(
        "a tag's definition: tags label resources; the enclave's statements grant nothing by tag, and any statement that does is judged",
        keys);

    private static ClosedType[] Tenancy =>
    [
        new(OciTypes.Compartment, Labels("description", "definedTags", "freeformTags"),
            new Inert("whether `pulumi destroy` may delete the compartment; a deletion is judged on the change itself (ENC-GOV-070)", "enableDelete")),
        new(OciTypes.Policy, Labels("name", "description", "definedTags", "freeformTags")),
        new(OciTypes.Group, Labels("description", "definedTags", "freeformTags")),
        new(OciTypes.DynamicGroup, Labels("description", "definedTags", "freeformTags")),
        new(OciTypes.NetworkSource, [Labels("description", "definedTags", "freeformTags")], [],
            [new JudgedBy("ENC-IDN-097", "virtualSourceLists.vcnId"), new JudgedBy("ENC-IDN-006", "virtualSourceLists.ipRanges")]),
        new(OciTypes.AuthenticationPolicy, [], [],
            [new JudgedBy("ENC-IAM-032", "passwordPolicy.isLowercaseCharactersRequired", "passwordPolicy.isNumericCharactersRequired",
                "passwordPolicy.isSpecialCharactersRequired", "passwordPolicy.isUppercaseCharactersRequired", "passwordPolicy.isUsernameContainmentAllowed",
                "passwordPolicy.minimumPasswordLength"), new JudgedBy("ENC-IDN-006", "networkPolicy.networkSourceIds")]),
        new(OciTypes.DomainsGroup,
            // idcsEndpoint is judged (ENC-IDN-050: the persona groups stay in the personas' identity domain).
            [new Inert("the SCIM schema URNs the domains API requires", "schemas"),
                new Inert("a member's display name labels a member whose identity is judged", "members.display", "members.name")],
            [new Fixed("the group extension holds only the group's description, as the program writes it: its owners and app roles would grant",
                new Pin("urnietfparamsscimschemasoracleidcsextensiongroupGroup", "unset or a description only", OnlyDescription))],
            [new JudgedBy("ENC-IDN-004", "members.type", "members.value", "members.ocid")]),
        // A break-glass user (ENC-IDN-003/005 judge its name, e-mail and embedded credentials) is a name and labels; any
        // other field is a way in no rule reads: an external id (synced from the parent's HR system), roles, app
        // entitlements, a phone number for SMS factors, a password its author knows, or an extension that delegates
        // authentication, turns it into a federated user, sets MFA bypass codes or self-service recovery.
        new(OciTypes.DomainsUser,
            [Labels("displayName", "description", "nickName", "name", "title", "userType", "locale", "preferredLanguage", "timezone",
                "tags", "urnietfparamsscimschemasoracleidcsextensionOciTags"),
            // idcsEndpoint is judged (ENC-IDN-096: the user lives in the stack's identity domain).
            new Inert("the SCIM schema URNs the domains API requires", "schemas"),
            new Inert("request-only settings of the domains API (attributes to return, an authorization header, the schema version, a forced delete): never stored on the user",
                "attributeSets", "attributes", "authorization", "resourceTypeSchemaVersion", "forceDelete"),
            new Inert("whether the account may sign in at all: switching a break-glass user off closes its door, on is the default", "active"),
            new Inert("an address's type and primary flag label the e-mail address ENC-IDN-003 judges", "emails.type", "emails.primary"),
            Labels("name.givenName", "name.familyName", "name.middleName", "name.formatted", "name.honorificPrefix", "name.honorificSuffix")],
            [], [new JudgedBy("ENC-IDN-003", "emails.value"),
                // ENC-IDN-005 requires each embedded credential empty, so it judges these lists whole; the extensions'
                // other fields (a database login-attempt count) are undeclared and fail when set.
                new JudgedBy("ENC-IDN-005", "x509certificates", "urnietfparamsscimschemasoracleidcsextensionkerberosUserUser.realmUsers",
                    "urnietfparamsscimschemasoracleidcsextensionsocialAccountUser.socialAccounts") { Whole = true },
                new JudgedBy("ENC-IDN-005", "urnietfparamsscimschemasoracleidcsextensiondbCredentialsUser.dbUserName")]),
        new(OciTypes.User, Labels("description", "definedTags", "freeformTags")),
        // An identity domain a change adds (ENC-IDN-096 judges its name and home region, ENC-IDN-003 its administrator):
        // any other field (an administrator's phone for SMS factors, bypassed notifications, a replica) is undeclared.
        new(OciTypes.Domain, Labels("description", "definedTags", "freeformTags"),
            new Inert("the licence tier and the administrator's given names label the domain; whether it shows on the sign-in page opens nothing",
                "licenseType", "adminFirstName", "adminLastName", "isHiddenOnLogin")),
        new(OciTypes.Tag, Labels("description", "definedTags", "freeformTags"),
            TagParts("name", "tagNamespaceId", "isCostTracking", "isRetired", "validator.validatorType", "validator.values")),
        new(OciTypes.TagNamespace, Labels("description", "definedTags", "freeformTags"), TagParts("name", "isRetired")),
        // Which tag a default stamps on every new resource is judged (ENC-GOV-091: only the stack's own namespaces' tags).
        new(OciTypes.TagDefault, [TagParts("value", "isRequired")], [], [new JudgedBy("ENC-GOV-091", "tagDefinitionId")]),
    ];

    private static bool OnlyDescription(PropertyValue value)
    {
        if (value.IsNull) return true;
        if (value is not MapValue map) return false;
        foreach (var field in map.Entries)
            if (field.Key != "description" && ClosedInputs.IsSet(field.Value)) return false;
        return true;
    }
}
