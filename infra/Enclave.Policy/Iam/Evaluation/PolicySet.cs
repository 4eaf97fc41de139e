using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Enclave.Policy.Iam;

/// <summary>
/// Every statement of a set of policies, parsed once. The rule catalogue's helpers
/// (<see cref="PolicyFindings"/>) and the evaluator both work from it.
/// </summary>
public sealed class PolicySet
{
    /// <summary>Parses every statement of <paramref name="policies"/>.</summary>
    public PolicySet(IEnumerable<IamPolicy> policies)
    {
        // Policies repeat statements (the same grant in every workload's policy); a tree is immutable, so each
        // distinct text is parsed once and shared. The memo lives only as long as this set.
        var parsed = new Dictionary<string, (Statement? Syntax, ParseError? Error)>(StringComparer.Ordinal);
        var words = new WordPool();
        var statements = ImmutableArray.CreateBuilder<PolicyStatement>();
        foreach (var policy in policies)
        {
            if (policy.Statements is null)
            {
                statements.Add(new PolicyStatement(policy, 0, null, null, null));
                continue;
            }
            for (var i = 0; i < policy.Statements.Count; i++)
            {
                var text = policy.Statements[i];
                if (text is null)
                {
                    statements.Add(new PolicyStatement(policy, i, null, null, null));
                    continue;
                }
                ref var result = ref CollectionsMarshal.GetValueRefOrAddDefault(parsed, text, out var seen);
                if (!seen) result = PolicyParser.Parse(text, words);
                statements.Add(new PolicyStatement(policy, i, text, result.Syntax, result.Error));
            }
        }
        Statements = statements.ToImmutable();
    }

    /// <summary>Every statement, policy by policy, in order.</summary>
    public ImmutableArray<PolicyStatement> Statements { get; }

    /// <summary>Statements that did not parse (each carries its <see cref="PolicyStatement.Error"/>).</summary>
    public IEnumerable<PolicyStatement> Malformed => Statements.Where(s => s.Error is not null);

    /// <summary>Statements whose text is unknown until deploy.</summary>
    public IEnumerable<PolicyStatement> Unknown => Statements.Where(s => s.Text is null);
}
