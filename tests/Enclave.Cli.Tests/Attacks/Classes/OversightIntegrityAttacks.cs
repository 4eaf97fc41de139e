using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Issue 10.5, oversight integrity: an archive that can be emptied, connectors that drop audit events, alerts that go
/// to someone other than the gatekeepers, and a service gateway wider than the stack says.
/// </summary>
public sealed class OversightIntegrityAttacks : AttackClass
{
    private const string Archive = "oversight-archive-us-ashburn-1-bucket";
    private const string Connector = "oversight-archive-us-ashburn-1-connector";
    private const string Lifecycle = "oci:ObjectStorage/objectLifecyclePolicy:ObjectLifecyclePolicy";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("archive retention shortened to 30 days", "ENC-STO-006",
            p => p.Resource(Archive).Set("retentionRules[0].duration.timeAmount", "30"));
        yield return Attack("archive retention rule unlocked", "ENC-STO-006", p => p.Resource(Archive).Remove("retentionRules[0].timeRuleLocked"));
        yield return Attack("archive lock postponed to 2099", "ENC-STO-006",
            p => p.Resource(Archive).Set("retentionRules[0].timeRuleLocked", "2099-01-01T00:00:00Z"));
        yield return Attack("archive retention rule removed", "ENC-STO-006", p => p.Resource(Archive).Set("retentionRules", new JsonArray()));
        yield return Attack("a lifecycle policy that deletes from the archive", "ENC-STO-006", p =>
        {
            var archive = p.Resource(Archive);
            p.Add(Lifecycle, "oversight-archive-expiry", new JsonObject
            {
                ["bucket"] = archive.Inputs["name"]!.DeepClone(), ["namespace"] = archive.Inputs["namespace"]!.DeepClone(),
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["name"] = "expire", ["action"] = "DELETE", ["isEnabled"] = true, ["timeAmount"] = "30", ["timeUnit"] = "DAYS",
                }),
            }, sibling: Archive);
            return archive.Urn;
        });
        yield return Attack("connector condition that drops the parent tenancy's audit events", "ENC-LOG-006",
            p => p.Resource(Connector).Set("tasks", new JsonArray(new JsonObject
            {
                ["kind"] = "logRule", ["condition"] = "data.identity.tenantId != 'ocid1.tenancy.oc1..aaaaaaaaexampleparentcotenancy000000000000000000000000000000'",
            })));
        yield return Attack("connector function that rewrites audit events", "ENC-LOG-006",
            p => p.Resource(Connector).Set("tasks", new JsonArray(new JsonObject
            {
                ["kind"] = "function", ["functionId"] = "ocid1.fnfunc.oc1.iad.aaaaaaaaexamplescrubber", ["batchSizeInKbs"] = 5000,
            })));
        yield return Attack("alerts posted to a webhook", "ENC-LOG-007", p => p.Resource("oversight-us-ashburn-1-email-0")
            .Set("protocol", "CUSTOM_HTTPS").Set("endpoint", "https://hooks.partner.example/enclave?token=abc123"));
        yield return Attack("alerts mailed to an address that is not a gatekeeper's", "ENC-LOG-007",
            p => p.Resource("oversight-us-ashburn-1-email-1").Set("endpoint", "soc@partner.example"));
        yield return Attack("alerts sent to Slack", "ENC-LOG-007", p => p.Resource("oversight-us-phoenix-1-email-0")
            .Set("protocol", "SLACK").Set("endpoint", "https://hooks.slack.com/services/T000/B000/XXXX"));
        yield return Attack("identity events streamed out of the enclave", "ENC-LOG-007",
            p => p.Resource("oversight-us-ashburn-1-idp-changes").Append("actions.action", new JsonObject
            {
                ["actionType"] = "OSS", ["isEnabled"] = true, ["streamId"] = "ocid1.stream.oc1.iad.aaaaaaaaexampleoutbound",
            }));
        yield return Attack("data subnet routed to all Oracle services where the stack says Object Storage only", "ENC-NET-011",
            p => p.Resource("network-data-routes").Set("routeRules[0].destination", "all-iad-services-in-oracle-services-network"));
        yield return Attack("app tier allowed out to all Oracle services", "ENC-NET-011",
            p => p.Resource("network-app-to-services").Set("destination", "all-iad-services-in-oracle-services-network"));
        yield return Attack("a second service attached to the service gateway", "ENC-NET-011",
            p => p.Resource("network-service-gateway").Append("services", new JsonObject
            {
                ["serviceId"] = "ocid1.service.oc1.iad.aaaaaaaaexampleallservices", ["serviceName"] = "All IAD Services In Oracle Services Network",
            }));
    }
}
