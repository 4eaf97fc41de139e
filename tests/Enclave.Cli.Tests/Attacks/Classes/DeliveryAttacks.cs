using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Oversight that still exists but no longer delivers: event types in another case (ENC-LOG-004: the gate counts
/// Oracle's spelling only) or as patterns (ENC-LOG-031), archive batches held back (ENC-LOG-081), alert retries cut
/// short (ENC-LOG-082), logs kept shorter than the stack declares (ENC-LOG-080), archive sources narrowed (ENC-LOG-002).
/// </summary>
public sealed class DeliveryAttacks : AttackClass
{
    private const string PolicyChanges = "oversight-us-ashburn-1-policy-changes";
    private const string ConnectorType = "oci:Sch/connector:Connector";

    public override IEnumerable<AttackCase> Cases() => Events().Concat(Connectors()).Concat(Subscriptions()).Concat(Retention());

    private IEnumerable<AttackCase> Events()
    {
        yield return Attack("policy-change types spelt in CamelCase", "ENC-LOG-004", p =>
        {
            var rule = p.Resource(PolicyChanges);
            rule.Set("condition", rule.Get("condition")!.GetValue<string>().Replace("identitycontrolplane.createpolicy", "IdentityControlPlane.CreatePolicy", StringComparison.Ordinal));
            return p.StackUrn;  // the coverage requirement of the whole stack is what fails
        });
        yield return Attack("policy-change types upper-cased", "ENC-LOG-004", p =>
        {
            var rule = p.Resource(PolicyChanges);
            rule.Set("condition", rule.Get("condition")!.GetValue<string>().ToUpperInvariant().Replace("EVENTTYPE", "eventType", StringComparison.Ordinal));
            return p.StackUrn;
        });
        yield return Attack("policy changes matched by a wildcard", "ENC-LOG-031",
            p => p.Resource(PolicyChanges).Set("condition", "{\"eventType\":[\"com.oraclecloud.identitycontrolplane.*\"]}"));
        yield return Attack("policy changes matched by a prefix pattern", "ENC-LOG-031",
            p => p.Resource(PolicyChanges).Set("condition", "{\"eventType\":[\"com.oraclecloud.identitycontrolplane.create*\",\"com.oraclecloud.identitycontrolplane.deletepolicy\",\"com.oraclecloud.identitycontrolplane.updatepolicy\"]}"));
        yield return Attack("policy-change type padded with a space", "ENC-LOG-031",
            p => p.Resource(PolicyChanges).Set("condition", "{\"eventType\":[\"com.oraclecloud.identitycontrolplane.createpolicy \",\"com.oraclecloud.identitycontrolplane.deletepolicy\",\"com.oraclecloud.identitycontrolplane.updatepolicy\"]}"));
    }

    private IEnumerable<AttackCase> Connectors()
    {
        yield return Attack("archive batches held for a day", "ENC-LOG-081", p => Archive(p, "us-ashburn-1").Set("target.batchRolloverTimeInMs", 86_400_000));
        yield return Attack("archive batches of 100 GB", "ENC-LOG-081", p => Archive(p, "us-phoenix-1").Set("target.batchRolloverSizeInMbs", 100_000));
        yield return Attack("archive batch time hidden as a secret", "ENC-LOG-081", p => Archive(p, "us-ashburn-1").Set("target.batchRolloverTimeInMs", Value.Secret), Forms.Export);
        yield return Attack("archive reads the audit log only (flow and bucket logs dropped)", "ENC-LOG-002", p =>
        {
            var c = Archive(p, "us-ashburn-1");
            c.Set("source.logSources", new JsonArray(((JsonArray)c.Get("source.logSources")!)[0]!.DeepClone()));
            return p.Resource("network-data-flow-log").Urn;
        });
        yield return Legitimate("archive batches roll over every minute", p => Archive(p, "us-ashburn-1").Set("target.batchRolloverTimeInMs", 60_000));
    }

    private IEnumerable<AttackCase> Subscriptions()
    {
        yield return Attack("alert retries cut to one minute", "ENC-LOG-082", p => p.Resource("oversight-us-ashburn-1-email-0")
            .Set("deliveryPolicy", "{\"backoffRetryPolicy\":{\"maxRetryDuration\":60000,\"policyType\":\"EXPONENTIAL\"}}"));
        yield return Attack("alert delivery policy the gate cannot read", "ENC-LOG-082", p => p.Resource("oversight-us-phoenix-1-email-1").Set("deliveryPolicy", "{maxRetryDuration: 0}"));
        yield return Attack("alert delivery policy with a setting the gate does not know", "ENC-LOG-082", p => p.Resource("oversight-us-ashburn-1-email-1")
            .Set("deliveryPolicy", "{\"backoffRetryPolicy\":{\"maxRetryDuration\":7200000,\"policyType\":\"EXPONENTIAL\"},\"dropPolicy\":\"FIRST_FAILURE\"}"));
        yield return Legitimate("alert delivery policy spelt out as OCI's default", p => p.Resource("oversight-us-ashburn-1-email-0")
            .Set("deliveryPolicy", "{\"backoffRetryPolicy\":{\"maxRetryDuration\":7200000,\"policyType\":\"EXPONENTIAL\"}}"));
    }

    private IEnumerable<AttackCase> Retention()
    {
        yield return Attack("data subnet flow log kept 30 days (the stack declares 180)", "ENC-LOG-080", p => p.Resource("network-data-flow-log").Set("retentionDuration", 30));
        yield return Attack("user-data read log left to OCI's 30-day default", "ENC-LOG-080", p => p.Resource("oversight-archive-us-ashburn-1-user-data-bucket-read-log").Remove("retentionDuration"));
        yield return Attack("standby flow log kept 90 days", "ENC-LOG-080", p => p.Resource("network-standby-data-flow-log").Set("retentionDuration", 90));
    }

    private static ResourceEdit Archive(Prod p, string region) => p.Resource($"oversight-archive-{region}-connector", ConnectorType);
}
