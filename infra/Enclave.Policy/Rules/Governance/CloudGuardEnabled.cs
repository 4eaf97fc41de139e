using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>R15 / CIS 4.14: Cloud Guard is enabled on the tenancy with an allowed reporting region.</summary>
public sealed class CloudGuardEnabled : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-002", "Cloud Guard is enabled with a US reporting region", Severity.Medium, Enforcement.Mandatory,
        "Cloud Guard detects drift from the enclave's posture (public buckets, open security lists, policy changes) after deployment; its problems are reported in one region, which must be a US region.",
        "Declare CloudGuard.CloudGuardConfiguration on the tenancy with status ENABLED and reportingRegion in allowedRegions.",
        Cis: "4.14");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var configs = context.Graph.OfType(OciTypes.CloudGuardConfiguration).ToList();
        if (configs.Count == 0)
            sink.Fail(Scope.StackUrn(context.Graph), "no CloudGuardConfiguration declared");
        foreach (var config in configs)
        {
            var region = config.Input("reportingRegion");
            sink.Judge(config.Urn, config.Label, new Assessment()
                .Require(config.Input("status").EqualsString("ENABLED", StringComparison.OrdinalIgnoreCase), "status is ENABLED")
                .Require(Scope.InRootCompartment(context, config), "is set on the tenancy")
                .Require(Regions.Allowed(region, context.Policy.AllowedRegions), $"reporting region {region} is allowed"));
        }
    }
}
