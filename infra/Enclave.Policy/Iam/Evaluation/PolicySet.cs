using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Enclave.Policy.Iam;

/// <summary>
/// Every statement of a set of policies, parsed once. The rule catalogue's helpers
/// (<see cref="PolicyFindings"/>) and the evaluator both work from it.
/// </summary>
public sealed partial class PolicySet
{
    /// <summary>Parses every statement of <paramref name="policies"/>.</summary>
    public PolicySet(IEnumerable<IamPolicy> policies)
    {
        // Policies repeat statements (the same grant in every workload's policy); a tree is immutable, so each
        // distinct text is parsed once and its copies share the tree. The memo lives only as long as this set.
        var words = new WordPool();
        var statements = ImmutableArray.CreateBuilder<PolicyStatement>();
        var distinct = ImmutableArray.CreateBuilder<PolicyStatement>();
        var parsed = new List<(Statement? Syntax, ParseError? Error)>();
        foreach (var policy in policies)
        {
            if (policy.Statements is null)
            {
                Add(new PolicyStatement(policy, 0, null, null, null), -1);
                continue;
            }
            for (var i = 0; i < policy.Statements.Count; i++)
            {
                var text = policy.Statements[i];
                if (text is null)
                {
                    Add(new PolicyStatement(policy, i, null, null, null), -1);
                    continue;
                }
                ref var d = ref CollectionsMarshal.GetValueRefOrAddDefault(_textIndex, text, out var seen);
                if (!seen)
                {
                    d = parsed.Count;
                    parsed.Add(PolicyParser.Parse(text, words));
                }
                var (syntax, error) = parsed[d];
                var statement = new PolicyStatement(policy, i, text, syntax, error);
                if (!seen) distinct.Add(statement);
                Add(statement, d);
            }
        }
        Statements = statements.ToImmutable();
        Distinct = distinct.ToImmutable();

        void Add(PolicyStatement statement, int d)
        {
            var position = statements.Count;
            statements.Add(statement);
            _distinctOf.Add(d);
            _nextCopy.Add(-1);
            if (d < 0) return;
            if (d == _firstCopy.Count)
            {
                _firstCopy.Add(position);
                _lastCopy.Add(position);
                return;
            }
            _nextCopy[_lastCopy[d]] = position;
            _lastCopy[d] = position;
        }
    }

    /// <summary>Every statement, policy by policy, in order.</summary>
    public ImmutableArray<PolicyStatement> Statements { get; }

    /// <summary>Statements that did not parse (each carries its <see cref="PolicyStatement.Error"/>).</summary>
    public IEnumerable<PolicyStatement> Malformed => Statements.Where(s => s.Error is not null);

    /// <summary>Statements whose text is unknown until deploy.</summary>
    public IEnumerable<PolicyStatement> Unknown => Statements.Where(s => s.Text is null);
}
