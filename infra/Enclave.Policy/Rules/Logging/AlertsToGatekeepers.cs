using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// Alerts reach the gatekeepers and no one else: every notification subscription is an EMAIL to an address of
/// <c>notificationEmails</c>, and every event rule action notifies a topic of this stack (no stream or function that
/// could carry the events elsewhere).
/// </summary>
public sealed class AlertsToGatekeepers : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-007", "Alerts go only to the gatekeepers' addresses", Severity.High, Enforcement.Mandatory,
        "The change alerts describe the enclave (its IAM, network and keys) as it changes; a subscription to another address, webhook, Slack or function hands that picture to whoever owns it, and takes the gatekeepers out of the loop.",
        "Subscribe only the addresses of `notificationEmails` with protocol EMAIL, and point event rule actions (actionType ONS) only at topics of this stack.");

    /// <summary>
    /// An endpoint as a report may show it: a URL only up to its host (webhook paths and queries often carry the token
    /// that authorises posting to them), anything else as it is.
    /// </summary>
    private static string Shown(PropertyValue endpoint) =>
        endpoint.AsString() is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? $"{uri.Scheme}://{uri.Host}/…"
            : endpoint.ToString();

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var emails = context.Policy.NotificationEmails;
        foreach (var subscription in context.Graph.OfType(OciTypes.Subscription))
        {
            var protocol = subscription.Input("protocol");
            var endpoint = subscription.Input("endpoint");
            var listed = endpoint.IsKnown
                ? TruthLogic.Of(endpoint.AsString() is { } e && emails.Contains(e.Trim(), StringComparer.OrdinalIgnoreCase))
                : Truth.Unknown;
            sink.Judge(subscription.Urn, subscription.Label, new Assessment()
                .Require(protocol.EqualsString("EMAIL", StringComparison.OrdinalIgnoreCase), $"protocol ({protocol}) is EMAIL")
                .Require(listed, $"endpoint {Shown(endpoint)} is a gatekeeper address (notificationEmails)",
                    whenViolated: $"endpoint {Shown(endpoint)} is not one of the gatekeeper addresses ({string.Join(", ", emails)})"));
        }
        var topics = NodeSets.Of(context.Graph, OciTypes.NotificationTopic);
        foreach (var rule in context.Graph.OfType(OciTypes.EventRule))
        {
            var actions = rule.Input("actions");
            // `action` is the current wire name, `actions` the obsolete one: both are read.
            var a = new Assessment();
            if (!actions.IsKnown || !actions["action"].IsKnown || !actions["actions"].IsKnown)
                a.Require(Truth.Unknown, "its actions notify topics of this stack");
            var items = actions["action"].AsList().AddRange(actions["actions"].AsList());
            for (var i = 0; i < items.Length; i++)
            {
                var action = items[i];
                var type = action["actionType"];
                // An ONS action names its topic and nothing else: a stream or function beside it is a second
                // destination whose effect depends on how the provider reads the action, so it is refused, not ignored.
                var nothingElse = Scope.Present(action["streamId"]).Or(Scope.Present(action["functionId"])).Not();
                a.Require(type.EqualsString("ONS", StringComparison.OrdinalIgnoreCase)
                        .And(References.IdentifiesAny(context.Graph, rule, "actions", action["topicId"], topics)).And(nothingElse),
                    $"action {i} ({type}) notifies a topic of this stack",
                    whenViolated: $"action {i} ({type} {action["topicId"].AsString() ?? action["streamId"].AsString() ?? action["functionId"].AsString()}) sends the events somewhere other than a topic of this stack");
            }
            if (a.IsEmpty) a.Require(Truth.True, "no actions");
            sink.Judge(rule.Urn, rule.Label, a);
        }
    }
}
