using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Database;

/// <summary>
/// ENC-DB-070: an Autonomous Database keeps the flags the program gives it, an allow-list of values. Each flag below
/// widens who reaches the data or where it goes, and the program leaves each at Oracle's closed default: a developer
/// tier database (no isolation guarantees), UNRESTRICTED permission level (every user may connect, not only ADMIN
/// during maintenance), Database Management or Operations Insights (SQL text and statistics shipped to another
/// service), built-in tools (ORDS, Database Actions, APEX: an HTTPS door to SQL), the database's own access control
/// switched off, a refreshable clone or a transportable-tablespace import (data pulled in from, or pushed to, a
/// bundle or database the stack does not hold). A database it copies from (<c>sourceId</c>, <c>autonomousDatabaseId</c>,
/// <c>peerDbId</c>), hands the primary role to (<c>switchoverToRemotePeerId</c>: the data's home moves there) or restores
/// from (<c>autonomousDatabaseBackupId</c>) is one of this stack's.
/// </summary>
public sealed class DatabaseFlagsAsProgrammed : PinnedSettingsRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-DB-070", "Autonomous Database flags stay as the program sets them", Severity.Critical, Enforcement.Mandatory,
        "Developer tier, UNRESTRICTED permission level, Database Management, Operations Insights, ORDS/Database Actions/APEX, a disabled access control, a refreshable clone or a transportable tablespace each widen who reaches the data or copy it where the gate cannot follow.",
        "Leave isDevTier, databaseManagementStatus, operationsInsightsStatus, dbToolsDetails (or every tool isEnabled: false), isRefreshableClone, refreshableMode, transportableTablespace and cloneTableSpaceLists unset; permissionLevel unset or RESTRICTED; isAccessControlEnabled unset or true; copy, restore and switch over only from and to this stack's databases and backups.");

    private static readonly (string Key, string Type)[] Sources =
    [
        ("sourceId", OciTypes.AutonomousDatabase), ("autonomousDatabaseId", OciTypes.AutonomousDatabase),
        ("peerDbId", OciTypes.AutonomousDatabase), ("switchoverToRemotePeerId", OciTypes.AutonomousDatabase),
        ("autonomousDatabaseBackupId", OciTypes.AutonomousDatabaseBackup),
    ];

    protected override IReadOnlyList<(string Type, Pin[] Pins)> Table { get; } =
    [
        (OciTypes.AutonomousDatabase,
        [
            Pin.UnsetOrFalse("isDevTier"),
            Pin.UnsetOr("permissionLevel", "RESTRICTED").NotDeployed("OCI reports UNRESTRICTED for every database no one restricted"),
            Pin.UnsetOr("databaseManagementStatus", "NOT_ENABLED"),
            Pin.UnsetOr("operationsInsightsStatus", "NOT_ENABLED"),
            new Pin("dbToolsDetails", "unset, or every tool isEnabled: false",
                static v => v.IsNull || v is ListValue l && l.Items.All(t => t["isEnabled"].AsBool() == false))
                .NotDeployed("OCI lists its built-in tools with the state it gives each when the program names none"),
            new Pin("isAccessControlEnabled", "unset or true", static v => v.IsNull || v.AsBool() == true)
                .NotDeployed("OCI reports false for a database reached only through its private endpoint (the list itself, whitelistedIps, is compared by ENC-GOV-092)"),
            Pin.UnsetOrFalse("isRefreshableClone"),
            Pin.Unset("refreshableMode"),
            Pin.Unset("transportableTablespace"),
            Pin.UnsetOrEmpty("cloneTableSpaceLists"),
        ]),
    ];

    protected override void Extra(RuleContext context, ResourceNode node, Assessment a)
    {
        var g = context.Graph;
        foreach (var (key, type) in Sources)
        {
            var value = Set(node, key);
            if (value.IsNull) continue;
            a.Require(References.IdentifiesAny(g, node, key, value, NodeSets.Of(g, type), except: node),
                $"{key} {value} is a {OciTypes.ShortName(type)} of this stack");
        }
    }
}
