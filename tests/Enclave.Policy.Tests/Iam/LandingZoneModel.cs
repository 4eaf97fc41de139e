using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.LandingZone;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// The Landing Zone tenancy as an <see cref="IamModel"/>: root → lz-top-cmp → network/security/appdev/database,
/// root policies for the tenancy-level statements and one policy on the enclosing compartment for the personas.
/// </summary>
internal static class LandingZoneModel
{
    public const string Root = "tenancy";
    public const string Top = "urn:cmp:top";
    public const string Network = "urn:cmp:network";
    public const string Security = "urn:cmp:security";
    public const string AppDev = "urn:cmp:appdev";
    public const string Database = "urn:cmp:database";
    public const string ParentTenancy = "ocid1.tenancy.oc1..parent";
    public const string ParentAdminsId = "ocid1.group.oc1..parentadmins";

    public static readonly CompartmentInfo[] Compartments =
    [
        new(Top, TopId, "lz-top-cmp", Root),
        new(LandingZoneModel.Network, NetworkId, "lz-network-cmp", Top),
        new(Security, SecurityId, "lz-security-cmp", Top),
        new(AppDev, AppDevId, "lz-appdev-cmp", Top),
        new(Database, DatabaseId, "lz-database-cmp", Top),
    ];

    public static readonly IamGroup[] Groups =
    [
        new("Administrators", null, "ocid1.group.oc1..administrators"),
        new("lz-iam-admin-group", null, "ocid1.group.oc1..iamadmin"),
        new("lz-auditor-group", null, "ocid1.group.oc1..auditor"),
        new("lz-database-admin-group", null, "ocid1.group.oc1..dbadmin"),
    ];

    public static IamModel Build(params IamPolicy[] extra) => new(new CompartmentInfo(Root, TenancyId, "enclave", null))
    {
        Compartments = Compartments,
        Groups = Groups,
        DynamicGroups =
        [
            new IamDynamicGroup("database-kms-dynamic-group", $"ALL {{resource.compartment.id='{DatabaseId}'}}"),
            new IamDynamicGroup("sec-fun-dynamic-group", $"ALL {{resource.type='fnfunc', resource.compartment.id='{SecurityId}'}}"),
        ],
        Policies =
        [
            new("lz-iam-admin-root-policy", Root, IamAdminRoot, "urn:policy:iam-admin"),
            new("lz-security-root-policy", Root, SecurityAndAuditRoot),
            new("lz-personas-policy", Top, Personas),
            new("lz-services-policy", Root, Services),
            new("lz-any-user-policy", Root, AnyUserScoped),
            new("lz-cost-policy", Root, CostCrossTenancy),
            .. extra,
        ],
    };

    public static AccessEvaluator Evaluator(params IamPolicy[] extra) => new(Build(extra));

    public static IamPolicy RootPolicy(params string[] statements) => new("extra-root-policy", Root, statements);

    public static Principal Member(string group) => Principal.GroupMember(group);
}
