using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>R12: no pre-authenticated requests on enclave buckets.</summary>
public sealed class NoPreauthenticatedRequests : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-STO-005", "No pre-authenticated requests", Severity.High, Enforcement.Mandatory,
        "A pre-authenticated request is a bearer URL: whoever holds it reads (or lists) objects without IAM, from any network.",
        "Remove ObjectStorage.Preauthrequest resources; grant access through IAM policies instead.")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var pars = context.Graph.OfType(OciTypes.Preauthrequest).ToList();
        if (pars.Count == 0) sink.Pass(Scope.StackUrn(context.Graph), "no pre-authenticated requests declared");
        foreach (var par in pars)
            sink.Fail(par.Urn, $"{par.Label}: pre-authenticated request on bucket {par.Input("bucket")} ({par.Input("accessType")})");
    }
}
