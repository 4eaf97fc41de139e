using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

public static partial class ClosedInputTables
{
    private static Inert TagParts => new(
        "a tag's definition: tags label resources; the enclave's statements grant nothing by tag, and any statement that does is judged",
        "name", "description", "tagNamespaceId", "isCostTracking", "isRetired", "validator", "tagDefinitionId", "value", "isRequired");

    private static ClosedType[] Tenancy =>
    [
        new(OciTypes.Compartment, Labels,
            new Inert("whether `pulumi destroy` may delete the compartment; a deletion is judged on the change itself (ENC-GOV-070)", "enableDelete")),
        new(OciTypes.Policy, Named),
        new(OciTypes.Group, Labels),
        new(OciTypes.DynamicGroup, Labels),
        new(OciTypes.NetworkSource, Labels),
        new(OciTypes.AuthenticationPolicy),
        new(OciTypes.DomainsGroup,
            [new Inert("the identity domain's endpoint the request goes to and the SCIM schema URNs the domains API requires", "idcsEndpoint", "schemas")],
            [new Fixed("the group extension holds only the group's description, as the program writes it: its owners and app roles would grant",
                new Pin("urnietfparamsscimschemasoracleidcsextensiongroupGroup", "unset or a description only", OnlyDescription))],
            []),
        new(OciTypes.Tag, Labels, TagParts),
        new(OciTypes.TagNamespace, Labels, TagParts),
        new(OciTypes.TagDefault, Labels, TagParts),
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
