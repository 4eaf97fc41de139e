using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>R8: every subnet forbids public IPs on its VNICs (and internet ingress).</summary>
public sealed class SubnetsArePrivate : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-001", "Subnets are private", Severity.High, Enforcement.Mandatory,
        "A subnet that allows public IPs lets any VNIC in it be addressed from the internet; the enclave has no public tier.",
        "Set `prohibitPublicIpOnVnic: true` (and leave `prohibitInternetIngress` true or unset) on every subnet.",
        Cis: "2.x (Security Zone deny public_subnets)")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var subnet in context.Graph.OfType(OciTypes.Subnet))
        {
            // The keys are read apart from the wording, so that only the wording is left out of the mutation count.
            var publicIp = subnet.Input("prohibitPublicIpOnVnic");
            var ingress = subnet.Input("prohibitInternetIngress");
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            sink.Judge(subnet.Urn, subnet.Label, new Assessment()
                .Require(publicIp.EqualsBool(true), "prohibitPublicIpOnVnic is true")
                .Require(ingress.IsNull ? Truth.True : ingress.EqualsBool(true), "prohibitInternetIngress is not false"));
        }
    }
}
