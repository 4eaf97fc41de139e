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
        "Developer tier, UNRESTRICTED permission level, Database Management, Operations Insights, ORDS/Database Actions/APEX, the MongoDB API, public access beside the private endpoint, a disabled access control, a refreshable clone or a transportable tablespace each widen who reaches the data or copy it where the gate cannot follow.",
        "Leave isDevTier, databaseManagementStatus, operationsInsightsStatus, dbToolsDetails (or every tool isEnabled: false), isRefreshableClone, refreshableMode, transportableTablespace and cloneTableSpaceLists unset; permissionLevel unset or RESTRICTED; isAccessControlEnabled unset or true; never switch on public access or the MongoDB API in the console (a deployed publicEndpoint, publicConnectionUrls or an enabled MONGODB_API fails); copy, restore and switch over only from and to this stack's databases and backups.");

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
                .DeployedAs("OCI's own list (only its default tools enabled; never the MongoDB API)", OnlyDefaultToolsEnabled),
            // Outputs only: public access switched on in the console for a private-endpoint database opens a public
            // endpoint (ORDS, APEX, Database Actions and SQL*Net from the internet) beside the private one.
            new Pin("publicEndpoint", "unset (no public endpoint beside the private one)", static v => v.IsNull),
            new Pin("publicConnectionUrls", "unset or empty (no public URL for APEX, ORDS or the other tools)", static v => v.IsNull || NoUrls(v)),
            new Pin("isAccessControlEnabled", "unset or true", static v => v.IsNull || v.AsBool() == true)
                .NotDeployed("OCI reports false for a database reached only through its private endpoint (the list itself, whitelistedIps, is compared by ENC-GOV-092)"),
            Pin.UnsetOrFalse("isRefreshableClone"),
            Pin.Unset("refreshableMode"),
            Pin.Unset("transportableTablespace"),
            Pin.UnsetOrEmpty("cloneTableSpaceLists"),
        ]),
    ];

    /// <summary>
    /// The built-in tools OCI switches on for a new database (reached through the private endpoint): a refresh lists them
    /// enabled though no one chose them. Every other tool (the MongoDB API, which listens on a port of its own, or a
    /// tool this list does not name) enabled in a deployed state was switched on outside the stack.
    /// </summary>
    private static readonly string[] DefaultOnTools = ["APEX", "DATABASE_ACTIONS", "DATA_TRANSFORMS", "GRAPH_STUDIO", "OML", "ORDS"];

    private static bool OnlyDefaultToolsEnabled(PropertyValue tools) =>
        tools is ListValue l && l.Items.All(t => t["isEnabled"].AsBool() == false
            || t["isEnabled"].AsBool() == true && t["name"].AsString() is { } name && DefaultOnTools.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase));

    /// <summary>A list of URL sets in which no URL is set (the provider's empty object for a database without public access).</summary>
    private static bool NoUrls(PropertyValue urls) =>
        urls is ListValue l && l.Items.All(u => u is MapValue m && m.Fields.Values.All(v => v.IsNull || v is StringValue { Value.Length: 0 }));

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
