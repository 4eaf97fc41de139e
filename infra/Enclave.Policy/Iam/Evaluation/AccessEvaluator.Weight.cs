namespace Enclave.Policy.Iam;

/// <summary>What weighing one statement for one principal costs, for the work budget of forward questions.</summary>
public sealed partial class AccessEvaluator
{
    private int[]? _weights;  // per distinct text; 0: not yet measured

    /// <summary>
    /// The cost of weighing statement <paramref name="position"/> once: one, plus each group or service its subject
    /// names (matched one by one) and each clause and value of its condition (evaluated one by one). So a question is
    /// charged for the work it does, and a hostile policy set (thousands of statements, each naming thousands of
    /// groups or conditions, asked about for thousands of principals) runs into the budget rather than for hours.
    /// </summary>
    private int WeightOf(int position)
    {
        var d = Policies.DistinctIndexOf(position);
        if (d < 0) return 1;
        var weights = _weights ??= new int[Policies.Distinct.Length];
        if (weights[d] == 0)
            weights[d] = Policies.Statements[position].Syntax switch
            {
                GrantStatement g => 1 + SizeOf(g.Subject) + SizeOf(g.Condition),
                AdmitStatement a => 1 + SizeOf(a.Subject) + SizeOf(a.Condition),
                _ => 1,
            };
        return weights[d];
    }

    private static int SizeOf(Subject subject) => subject switch
    {
        GroupSubject g => g.Groups.Count,
        ServiceSubject s => s.Names.Count,
        _ => 1,
    };

    /// <summary>Clauses and values, summed over the tree (at most <see cref="PolicyParser.MaxConditionDepth"/> deep).</summary>
    private static int SizeOf(Condition? condition)
    {
        switch (condition)
        {
            case null: return 0;
            case ConditionClause c: return 1 + c.Values.Count;
            case ConditionGroup g:
                var size = 1;
                foreach (var item in g.Items) size += SizeOf(item);
                return size;
            default: return 1;
        }
    }
}
