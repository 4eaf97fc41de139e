using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// ENC-LOG-081: a connector writing to Object Storage (the log archive) rolls its batches over no later than OCI's
/// defaults. Records wait in the connector until a batch reaches <c>batchRolloverSizeInMbs</c> or
/// <c>batchRolloverTimeInMs</c>; a batch held for hours is a window in which the audit trail exists nowhere an
/// auditor can read and in which stopping the connector loses it. The bounds are what OCI applies when the settings
/// are unset (100 MB, 420,000 ms = 7 minutes, as the console shows them; the API reference gives no figures): the
/// program sets neither, and nothing the enclave does needs longer.
/// </summary>
public sealed class ConnectorsDeliverPromptly : SinkRuleBase
{
    internal const double MaxRolloverMbs = 100;
    internal const double MaxRolloverMs = 420_000;

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-081", "Archive connectors deliver within OCI's default batch window", Severity.High, Enforcement.Mandatory,
        "A connector holds records until its batch rolls over; a rollover of hours or gigabytes keeps the audit trail out of the locked archive for that long, and deleting or stopping the connector in that window loses it without a trace in the archive.",
        "Leave target.batchRolloverSizeInMbs and target.batchRolloverTimeInMs unset (OCI's defaults), or set them to at most 100 MB and 420000 ms.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var connector in context.Graph.OfType(OciTypes.Connector))
        {
            var target = connector.Input("target");
            var kind = target["kind"].EqualsString("objectStorage", StringComparison.OrdinalIgnoreCase);
            if (kind == Truth.False) continue;  // notifications/streaming targets have no rollover
            var a = new Assessment();
            a.Require(Within(target["batchRolloverSizeInMbs"], MaxRolloverMbs), $"batches roll over by {MaxRolloverMbs} MB",
                whenViolated: $"batchRolloverSizeInMbs {target["batchRolloverSizeInMbs"]} is above {MaxRolloverMbs} MB (or not a number)");
            a.Require(Within(target["batchRolloverTimeInMs"], MaxRolloverMs), $"batches roll over within {MaxRolloverMs} ms",
                whenViolated: $"batchRolloverTimeInMs {target["batchRolloverTimeInMs"]} is above {MaxRolloverMs} ms (or not a number): records wait that long outside the archive");
            sink.Judge(connector.Urn, connector.Label, a);
        }
    }

    /// <summary>Unset (OCI's default) or a positive number up to <paramref name="max"/>; unknown stays unknown.</summary>
    private static Truth Within(PropertyValue value, double max) =>
        value.IsNull ? Truth.True : value.Test(v => Numbers.Of(v) is { } n && n > 0 && n <= max);
}
