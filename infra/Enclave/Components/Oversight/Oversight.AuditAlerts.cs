using Enclave.Alerts;
using Enclave.Components.Regions;
using Pulumi;
using Pulumi.Oci.Identity;
using Pulumi.Oci.Sch;
using Pulumi.Oci.Sch.Inputs;

namespace Enclave.Components.Oversight;

// Alerts from the audit log, for the operations Oracle's Events service emits no event for (a PAR, a remote peering,
// an IPSec, CPE or FastConnect change, a DRG route table, the log pipeline itself): a Service Connector per region reads
// that region's audit log of every compartment, keeps those operations (AuditAlerts) and publishes them to the
// gatekeepers' topic of the region. A connector reads only its own region's audit log, hence one per region.
public sealed partial class Oversight
{
    private void DeclareAuditAlerts(EnclaveRegion region, Output<string> topicId, Policy publish) =>
        new Connector(ChildName($"{region.Name}-audit-alerts"), new ConnectorArgs
        {
            CompartmentId = _compartments.Security,
            DisplayName = Naming.Regional(_settings.NamePrefix, region, "audit-alerts"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = $"Notifies the gatekeepers of {region.Name} audit records of operations the Events service does not report.",
            Source = new ConnectorSourceArgs
            {
                Kind = "logging",
                LogSources =
                {
                    new ConnectorSourceLogSourceArgs
                    {
                        CompartmentId = _settings.TenancyOcid,
                        LogGroupId = RegionalArchive.AuditLogGroup,
                    },
                },
            },
            Tasks =
            {
                new ConnectorTaskArgs { Kind = "logRule", Condition = AuditCondition.For(AuditAlerts.OperationsIn(region.IsHome)) },
            },
            Target = new ConnectorTargetArgs
            {
                Kind = "notifications",
                TopicId = topicId,
                EnableFormattedMessaging = true,
            },
        }, ChildOptions(region.Provider, dependsOn: [publish]));

    // IAM lives in the home region. The alert connectors publish as service principals: any-user narrowed to connectors
    // of the security compartment, on the topics of that compartment (the gatekeepers' topics live there).
    private Policy DeclareConnectorPublishPolicy(ProviderResource home) =>
        new(ChildName("audit-alert-connector-policy"), new PolicyArgs
        {
            CompartmentId = _compartments.Top,
            Name = Naming.Display(_settings.NamePrefix, "audit-alert-connector-policy"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = "The audit-alert Service Connectors publish to the gatekeepers' notification topics.",
            Statements = _compartments.Security.Apply(security => new List<string> { ConnectorPublishStatement(security) }),
        }, ChildOptions(home));

    public static string ConnectorPublishStatement(string securityCompartmentId) =>
        $"allow any-user to use ons-topics in compartment id {securityCompartmentId} where all " +
        $"{{request.principal.type = 'serviceconnector', request.principal.compartment.id = '{securityCompartmentId}'}}";
}
