using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Logging;

/// <summary>
/// R16 / CIS 4.2–4.12, 4.15, 4.18: event rules in the root compartment cover every CIS event family and notify a
/// topic that has a subscription.
/// </summary>
public sealed class CisEventNotifications : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-LOG-004", "CIS change notifications reach the gatekeepers", Severity.Medium, Enforcement.Mandatory,
        "Changes to identity, policies, networks and Cloud Guard problems must reach the gatekeepers within minutes; only root-compartment event rules see tenancy-wide identity events.",
        "Declare Events.Rule resources in the tenancy (root) compartment whose condition lists every event type of CIS 4.3–4.12, 4.15 and 4.18, with an ONS action on a topic that has a subscription.",
        Cis: "4.2, 4.3–4.12, 4.15, 4.18");

    private sealed record EventRule(ResourceNode Node, Truth Usable, IReadOnlySet<string>? EventTypes);

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var (subscribed, judged) = JudgeRules(context);
        var rules = new List<EventRule>();
        foreach (var (node, assessment) in judged)
        {
            sink.Judge(node.Urn, node.Label, assessment);
            rules.Add(new EventRule(node, assessment.Outcome, EventTypes(node)));
        }

        var coverage = new Assessment()
            .Require(subscribed, "a notification topic has a subscription (CIS 4.2)");
        foreach (var (cis, topic, required) in CisEventTypes.All)
        {
            var need = required.Select(CisEventTypes.Normalise).ToHashSet();
            coverage.Require(rules.Any(r => r.Usable.And(r.EventTypes is null ? Truth.Unknown : TruthLogic.Of(need.IsSubsetOf(r.EventTypes)))),
                $"CIS {cis} {topic} are notified");
        }
        sink.Judge(Scope.StackUrn(g), "event notifications", coverage);
    }

    /// <summary>Each event rule with whether it can notify anyone (root compartment, enabled, ONS action on a subscribed
    /// topic), and whether any topic has a subscription. Shared with the threat notifications (ENC-LOG-020).</summary>
    internal static (Truth AnySubscribed, List<(ResourceNode Node, Assessment Usable)> Rules) JudgeRules(RuleContext context)
    {
        var g = context.Graph;
        var topics = g.OfType(OciTypes.NotificationTopic).ToList();
        var subscriptions = g.OfType(OciTypes.Subscription).ToList();
        var subscribed = topics.ToDictionary(t => t.Urn, t => subscriptions.Any(s => References.Identifies(g, s, "topicId", s.Input("topicId"), t)));
        var rules = new List<(ResourceNode, Assessment)>();
        foreach (var node in g.OfType(OciTypes.EventRule))
        {
            var notifies = Actions(node).Any(action =>
                action["actionType"].EqualsString("ONS", StringComparison.OrdinalIgnoreCase)
                    .And(action["isEnabled"].IsNull ? Truth.True : action["isEnabled"].EqualsBool(true))
                    .And(topics.Any(t => References.Identifies(g, node, "actions", action["topicId"], t).And(subscribed[t.Urn]))));
            rules.Add((node, new Assessment()
                .Require(Scope.InRootCompartment(context, node), "is in the root compartment")
                .Require(node.Input("isEnabled").EqualsBool(true), "is enabled")
                .Require(notifies, "notifies a topic with a subscription")));
        }
        return (subscribed.Values.Any(t => t), rules);
    }

    private static IEnumerable<PropertyValue> Actions(ResourceNode rule)
    {
        var actions = rule.Input("actions");
        if (!actions.IsKnown) return [PropertyValue.Unknown];
        return actions["action"].AsList().Concat(actions["actions"].AsList());
    }

    /// <summary>The rule's event types (normalised), from conditionDetails or the condition JSON; null when unknown.</summary>
    internal static IReadOnlySet<string>? EventTypes(ResourceNode rule)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var details = rule.Input("conditionDetails")["eventTypes"];
        if (!details.IsKnown) return null;
        foreach (var t in details.AsList()) { if (t.AsString() is { } s) types.Add(CisEventTypes.Normalise(s)); else if (!t.IsKnown) return null; }
        var condition = rule.Input("condition");
        if (!condition.IsKnown) return null;
        if (condition.AsString() is { Length: > 0 } json)
        {
            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("eventType", out var et))
                {
                    if (et.ValueKind == JsonValueKind.String) types.Add(CisEventTypes.Normalise(et.GetString()!));
                    else if (et.ValueKind == JsonValueKind.Array)
                        foreach (var item in et.EnumerateArray())
                            if (item.ValueKind == JsonValueKind.String) types.Add(CisEventTypes.Normalise(item.GetString()!));
                }
            }
            // A malformed condition matches nothing: the coverage requirement then fails. InvalidOperationException:
            // a string escaping an unpaired surrogate ("\ud800") parses but cannot be read.
            catch (Exception e) when (e is JsonException or InvalidOperationException) { }
        }
        return types;
    }
}
