using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Enclave.Alerts;
using Enclave.Components.Regions;
using Pulumi;
using Pulumi.Oci.Events;
using Pulumi.Oci.Events.Inputs;
using Pulumi.Oci.Ons;

namespace Enclave.Components.Oversight;

// Notifications: one topic per enclave region with the gatekeepers' emails; the CIS and threat event rules in the root
// compartment of each region where those events are raised; and, for the operations Oracle's Events service does not
// report, an audit-log alert connector per region (Oversight.AuditAlerts.cs). The lists are the gate's (Enclave.Alerts).
public sealed partial class Oversight
{
    private Output<string> DeclareAlerts(IReadOnlyList<EnclaveRegion> regions, ProviderResource home)
    {
        Output<string>? homeTopic = null;
        var publish = DeclareConnectorPublishPolicy(home);
        foreach (var region in regions)
        {
            var topic = DeclareTopic(region);
            if (region.IsHome) homeTopic = topic.Id;
            foreach (var rule in CisEventAlerts.All.Where(r => r.AppliesTo(region.IsHome)))
                DeclareRule(region, rule.Slug,
                    // Stryker disable once String : a display name, not a control (docs/testing.md)
                    $"cis-{rule.Cis!.Replace('.', '-')}-{rule.Slug}",
                    // Stryker disable once String : a description, not a control (docs/testing.md)
                    $"CIS {rule.Cis}: notify the gatekeepers of {rule.Topic}.", rule.ConditionTypes, topic.Id);
            foreach (var rule in ThreatEventAlerts.All.Where(r => r.AppliesTo(region.IsHome)))
                DeclareRule(region, rule.Slug,
                    // Stryker disable once String : a display name, not a control (docs/testing.md)
                    $"enclave-{rule.Slug}",
                    // Stryker disable once String : a description, not a control (docs/testing.md)
                    $"Enclave threat: notify the gatekeepers of {rule.Topic}.", rule.ConditionTypes, topic.Id);
            DeclareAuditAlerts(region, topic.Id, publish);
        }
        return homeTopic ?? throw new InvalidOperationException("The home region must be one of the alert regions.");
    }

    private NotificationTopic DeclareTopic(EnclaveRegion region)
    {
        var topic = new NotificationTopic(ChildName($"{region.Name}-topic"), new NotificationTopicArgs
        {
            CompartmentId = _compartments.Security,
            Name = Naming.Display(_settings.NamePrefix, $"{region.Name}-alerts"),
            // Stryker disable once String : a description, not a control (docs/testing.md)
            Description = $"Enclave change and Cloud Guard notifications for the gatekeepers ({region.Name}).",
        }, ChildOptions(region.Provider));

        var index = 0;
        foreach (var email in _settings.NotificationEmails)
            new Subscription(ChildName($"{region.Name}-email-{index++}"), new SubscriptionArgs
            {
                CompartmentId = _compartments.Security,
                TopicId = topic.Id,
                Protocol = "EMAIL",
                Endpoint = email,
            }, ChildOptions(region.Provider));
        return topic;
    }

    private void DeclareRule(EnclaveRegion region, string slug, string displayName, string description,
        ImmutableArray<string> eventTypes, Output<string> topicId) =>
        new Rule(ChildName($"{region.Name}-{slug}"), new RuleArgs
        {
            // CIS 4.3–4.18 are only satisfied by rules in the root compartment; the root also sees every compartment.
            CompartmentId = _settings.TenancyOcid,
            DisplayName = Naming.Display(_settings.NamePrefix, displayName),
            Description = description,
            IsEnabled = true,
            Condition = ConditionFor(eventTypes),
            Actions = new RuleActionsArgs
            {
                Action =
                {
                    new RuleActionsActionArgs
                    {
                        ActionType = "ONS",
                        IsEnabled = true,
                        TopicId = topicId,
                        // Stryker disable once String : a description, not a control (docs/testing.md)
                        Description = "Email the gatekeepers.",
                    },
                },
            },
        }, ChildOptions(region.Provider));

    /// <summary>
    /// The rule's JSON condition: <c>{"eventType":[…]}</c>, written directly (the bytes the reflection-based serializer
    /// wrote, same encoder) so that the program needs no reflection-based JSON, which a Native AOT build lacks.
    /// </summary>
    public static string ConditionFor(ImmutableArray<string> eventTypes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("eventType");
            foreach (var eventType in eventTypes)
            {
                writer.WriteStringValue(eventType);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
