using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>ENC-LOG-006 judges what archives: an audit-alert connector notifies and must filter (ENC-LOG-021 judges
/// its filter), while a connector whose target is not known to be a notification is still held to "unfiltered".</summary>
public class AlertConnectorScopeTests
{
    private static FindingStatus Status(GraphBuilder g, string resource) =>
        RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-LOG-006").Findings.Single(f => f.Urn == g.Urn(resource)).Status;

    [Fact]
    public void The_audit_alert_connector_filters_and_passes() =>
        Assert.Equal(FindingStatus.Pass, Status(CompliantEnclave.Build(), "audit-alerts"));

    [Fact]
    public void A_filtering_connector_whose_target_kind_is_unknown_is_not_excused()
    {
        var g = CompliantEnclave.Build();
        g.With("audit-alerts", "target", new { kind = Unknown, topicId = Ref("topic") });
        Assert.NotEqual(FindingStatus.Pass, Status(g, "audit-alerts"));
    }

    [Fact]
    public void A_filtering_connector_into_a_bucket_fails()
    {
        var g = CompliantEnclave.Build();
        g.With("audit-alerts", "target", new { kind = "objectStorage", bucket = NameOf("archive"), @namespace = "enclavens" });
        Assert.Equal(FindingStatus.Fail, Status(g, "audit-alerts"));
    }
}
