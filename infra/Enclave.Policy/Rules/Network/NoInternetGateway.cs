using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Network;

/// <summary>R9: the enclave declares no internet gateway.</summary>
public sealed class NoInternetGateway : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-NET-002", "No internet gateway", Severity.Critical, Enforcement.Mandatory,
        "An internet gateway is a door between the enclave VCN and the internet, whatever the route tables say today.",
        "Remove the InternetGateway; reach Oracle services through the service gateway.",
        Cis: "Security Zone deny internet_gateway")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var gateways = context.Graph.OfType(OciTypes.InternetGateway).ToList();
        if (gateways.Count == 0)
            sink.Pass(Scope.StackUrn(context.Graph), "no internet gateway declared");
        foreach (var igw in gateways)
            sink.Fail(igw.Urn, $"{igw.Label}: internet gateway declared (enabled: {igw.Input("enabled")})");
    }
}
