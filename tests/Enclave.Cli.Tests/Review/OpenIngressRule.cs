using Enclave.Policy.Graph;
using Enclave.Policy.Rules;

namespace Enclave.Cli.Tests.Review;

/// <summary>
/// A minimal isolation rule for review tests that must not depend on the catalogue's wording: NSG ingress from
/// 0.0.0.0/0 fails. (The catalogue's own rules are exercised end to end in the command tests.)
/// </summary>
public sealed class OpenIngressRule : IRule
{
    public const string Id = "TEST-NET-OPEN";

    public RuleInfo Info { get; } = new(Id, "No NSG ingress from the internet", Severity.Critical, Enforcement.Mandatory,
        "The enclave is reachable only through the gatekeepers.", "Restrict the source to an enclave range.");

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var r in context.Graph.OfType("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule"))
        {
            var source = r["source"];
            var verdict = !source.IsKnown ? Verdict.Undetermined : source.AsString() == "0.0.0.0/0" ? Verdict.Fail : Verdict.Pass;
            yield return new Finding(Id, r.Urn, verdict, $"{r.Name} admits ingress from {source}");
        }
    }
}
