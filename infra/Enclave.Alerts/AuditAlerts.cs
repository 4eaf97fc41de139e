using System.Collections.Immutable;

namespace Enclave.Alerts;

/// <summary>
/// The operations Oracle's Events service does not report (none of them is in its event type reference) and that
/// open a way out of the enclave or blind its oversight: PAR creation, remote peering, DRG route tables, IPSec, CPE
/// and FastConnect, the log pipeline itself and the Cloud Guard target. Operation names are the API operations as the
/// audit log records them in <c>data.eventName</c>.
/// </summary>
public static class AuditAlerts
{
    public static readonly ImmutableArray<AuditAlert> All =
    [
        new("pre-authenticated-requests", "a pre-authenticated request (a bearer URL past IAM and the network)",
            AlertRegions.EveryEnclaveRegion, ["CreatePreauthenticatedRequest"]),
        new("remote-peering", "a remote peering to another region or tenancy", AlertRegions.EveryEnclaveRegion,
            ["CreateRemotePeeringConnection", "ConnectRemotePeeringConnections", "UpdateRemotePeeringConnection",
             "DeleteRemotePeeringConnection"]),
        new("drg-routing", "a DRG route table or route rule change (where attached networks may reach)",
            AlertRegions.EveryEnclaveRegion,
            ["CreateDrgRouteTable", "UpdateDrgRouteTable", "DeleteDrgRouteTable", "AddDrgRouteRules", "UpdateDrgRouteRules",
             "RemoveDrgRouteRules"]),
        new("on-prem-links", "an IPSec tunnel, customer-premises equipment or FastConnect virtual circuit",
            AlertRegions.EveryEnclaveRegion,
            ["CreateIPSecConnection", "UpdateIPSecConnection", "DeleteIPSecConnection", "UpdateIPSecConnectionTunnel", "CreateCpe",
             "UpdateCpe", "DeleteCpe", "CreateVirtualCircuit", "UpdateVirtualCircuit", "DeleteVirtualCircuit"]),
        new("log-pipeline", "a log, log group, Service Connector or event rule changed or removed (oversight goes blind)",
            AlertRegions.EveryEnclaveRegion,
            ["DeleteServiceConnector", "UpdateServiceConnector", "DeactivateServiceConnector", "DeleteLog", "UpdateLog",
             "DeleteLogGroup", "DeleteRule", "UpdateRule"]),
        new("cloud-guard-target", "the Cloud Guard target changed or deleted (detection stops)", AlertRegions.HomeOnly,
            ["UpdateTarget", "DeleteTarget"]),
    ];

    /// <summary>The operations alerted on in a region that is (<paramref name="isHome"/>) or is not the home region.</summary>
    public static ImmutableArray<string> OperationsIn(bool isHome) =>
        [.. All.Where(a => a.AppliesTo(isHome)).SelectMany(a => a.Operations)];
}
