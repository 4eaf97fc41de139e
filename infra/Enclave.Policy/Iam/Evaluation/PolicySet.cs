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
        var list = policies as IReadOnlyList<IamPolicy> ?? [.. policies];
        var count = 0;
        foreach (var policy in list) count += policy.Statements?.Count ?? 1;
        var statements = ImmutableArray.CreateBuilder<PolicyStatement>(count);
        _distinctOf = new int[count];
        _nextCopy = new int[count];
        // Policies repeat statements (the same grant in every workload's policy); a tree is immutable, so each
        // distinct text is parsed once and its copies share the tree. The memo lives only as long as this set.
        var words = new WordPool();
        var distinct = ImmutableArray.CreateBuilder<PolicyStatement>();
        var parsed = new List<(Statement? Syntax, ParseError? Error)>();
        var lastCopy = new List<int>();
        foreach (var policy in list)
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
        Statements = statements.MoveToImmutable();
        Distinct = distinct.DrainToImmutable();

        // Chains each statement to the next copy of its text.
        void Add(PolicyStatement statement, int d)
        {
            var position = statements.Count;
            statements.Add(statement);
            _distinctOf[position] = d;
            _nextCopy[position] = -1;
            if (d < 0) return;
            if (d == lastCopy.Count)
            {
                _firstCopy.Add(position);
                lastCopy.Add(position);
            }
            else
            {
                _nextCopy[lastCopy[d]] = position;
                lastCopy[d] = position;
            }
        }
    }

    /// <summary>Every statement, policy by policy, in order.</summary>
    public ImmutableArray<PolicyStatement> Statements { get; }

    /// <summary>Statements that did not parse (each carries its <see cref="PolicyStatement.Error"/>).</summary>
    public IEnumerable<PolicyStatement> Malformed => Statements.Where(s => s.Error is not null);

    /// <summary>Statements whose text is unknown until deploy.</summary>
    public IEnumerable<PolicyStatement> Unknown => Statements.Where(s => s.Text is null);
}
