using System.Collections.Immutable;

namespace Enclave.Alerts;

/// <summary>
/// An alert raised from the audit log rather than from the Events service: the API operations (the audit record's
/// <c>data.eventName</c>) for which Oracle's Events service emits no event, and which the gatekeepers must still hear
/// of. A Service Connector per region reads that region's audit log, keeps these operations and notifies the topic.
/// </summary>
public sealed record AuditAlert(string Slug, string Threat, AlertRegions Regions, ImmutableArray<string> Operations)
{
    /// <summary>Does this alert exist in a region that is (<paramref name="isHome"/>) or is not the home region?</summary>
    public bool AppliesTo(bool isHome) => isHome || Regions == AlertRegions.EveryEnclaveRegion;
}
