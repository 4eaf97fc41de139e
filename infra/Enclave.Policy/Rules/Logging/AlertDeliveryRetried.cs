using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// ENC-LOG-082: an alert subscription retries a failed delivery for OCI's full window. <c>deliveryPolicy</c> is a JSON
/// string (<c>{"backoffRetryPolicy":{"maxRetryDuration":7200000,"policyType":"EXPONENTIAL"}}</c>); a short
/// <c>maxRetryDuration</c> makes one mail-server hiccup drop the alert that a policy or network just changed. Unset
/// means OCI's default (2 hours, exponential), the most OCI allows. Anything the gate cannot read is refused.
/// </summary>
public sealed class AlertDeliveryRetried : SinkRuleBase
{
    internal const double FullRetryMs = 7_200_000;

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-082", "Alert subscriptions retry delivery for the full window", Severity.High, Enforcement.Mandatory,
        "A subscription that gives up after seconds drops the change alert on the first transient mail failure: the gatekeepers never hear of the policy, key or network change, and nothing else records that the alert was lost.",
        "Leave deliveryPolicy unset (OCI's default: exponential backoff for 7200000 ms), or set backoffRetryPolicy.maxRetryDuration to 7200000 with policyType EXPONENTIAL and nothing else.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var subscription in context.Graph.OfType(OciTypes.Subscription))
        {
            var policy = subscription.Input("deliveryPolicy");
            var (outcome, problem) = policy.IsNull ? (Truth.True, "")
                : !policy.IsKnown ? (Truth.Unknown, $"deliveryPolicy is {policy}")
                : policy.AsString() is not { } json ? (Truth.False, "deliveryPolicy is not a JSON string")
                : json.Trim().Length == 0 ? (Truth.True, "")
                : Judge(json);
            sink.Judge(subscription.Urn, outcome, $"{subscription.Label}: delivery retried for the full window",
                $"{subscription.Label}: {problem}", $"{subscription.Label}: not known until deploy: {problem}");
        }
    }

    private static (Truth, string) Judge(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (Truth.False, "deliveryPolicy is not a JSON object");
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name != "backoffRetryPolicy") return (Truth.False, $"deliveryPolicy sets \"{Cut(p.Name)}\", which the gate does not know");
                if (p.Value.ValueKind != JsonValueKind.Object) return (Truth.False, "backoffRetryPolicy is not an object");
                foreach (var q in p.Value.EnumerateObject())
                {
                    var ok = q.Name switch
                    {
                        "maxRetryDuration" => q.Value.ValueKind == JsonValueKind.Number && q.Value.TryGetDouble(out var ms) && ms >= FullRetryMs,
                        "policyType" => q.Value.ValueKind == JsonValueKind.String && q.Value.GetString() == "EXPONENTIAL",
                        _ => false,
                    };
                    if (!ok) return (Truth.False, $"backoffRetryPolicy.{Cut(q.Name)} = {Cut(q.Value.GetRawText())} gives up before OCI's full {FullRetryMs} ms exponential window (alerts are dropped)");
                }
            }
            return (Truth.True, "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (Truth.False, "deliveryPolicy is not valid JSON: what OCI makes of it cannot be told");
        }
    }

    private static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
