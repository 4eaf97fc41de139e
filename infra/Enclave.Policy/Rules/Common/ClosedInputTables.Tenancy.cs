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
            [new JudgedBy("ENC-IDN-006", "virtualSourceLists.vcnId", "virtualSourceLists.ipRanges")]),
        new(OciTypes.AuthenticationPolicy, [], [],
            [new JudgedBy("ENC-IAM-032", "passwordPolicy.isLowercaseCharactersRequired", "passwordPolicy.isNumericCharactersRequired",
                "passwordPolicy.isSpecialCharactersRequired", "passwordPolicy.isUppercaseCharactersRequired", "passwordPolicy.isUsernameContainmentAllowed",
                "passwordPolicy.minimumPasswordLength"), new JudgedBy("ENC-IDN-006", "networkPolicy.networkSourceIds")]),
        new(OciTypes.DomainsGroup,
            [new Inert("the identity domain's endpoint the request goes to and the SCIM schema URNs the domains API requires", "idcsEndpoint", "schemas"),
                new Inert("a member's display name labels a member whose identity is judged", "members.display", "members.name")],
            [new Fixed("the group extension holds only the group's description, as the program writes it: its owners and app roles would grant",
                new Pin("urnietfparamsscimschemasoracleidcsextensiongroupGroup", "unset or a description only", OnlyDescription))],
            [new JudgedBy("ENC-IDN-004", "members.type", "members.value", "members.ocid")]),
        new(OciTypes.Tag, Labels("description", "definedTags", "freeformTags"),
            TagParts("name", "tagNamespaceId", "isCostTracking", "isRetired", "validator.validatorType", "validator.values")),
        new(OciTypes.TagNamespace, Labels("description", "definedTags", "freeformTags"), TagParts("name", "isRetired")),
        new(OciTypes.TagDefault, TagParts("tagDefinitionId", "value", "isRequired")),
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
