using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;
using Enclave.Policy.Rules.Iam.Reach;

namespace Enclave.Policy.Reports;

/// <summary>One principal's access to one data-bearing resource, and the statement it comes through.</summary>
/// <param name="IamType">The IAM type asked about: a bucket is asked about as <c>buckets</c> and as <c>objects</c> (its contents).</param>
/// <param name="Access">"inspect" (grants that stop there), "read" or "manage".</param>
/// <param name="Certainty">"yes" (the statement certainly applies), "conditional" (a where clause decides at request time) or "unknown" (unknown until deploy, or unreadable).</param>
/// <param name="Effect">"allow" or "deny".</param>
/// <param name="Verdict">For an allow: "allowed" (a persona within its ceiling, or one of the enclave's own principals), "violation" or "undetermined" — the verdict of rules ENC-IAM-008/009 for this principal; "" for a deny.</param>
/// <param name="Why">Why the verdict (who the principal is, which ceiling it breaks).</param>
public sealed record AccessRow(string Urn, string ResourceLabel, string IamType, string Access, string Principal,
    string Effect, string Certainty, string Statement, string StatementText, string Verdict, string Why);

/// <summary>
/// The firewall as a table: for each data-bearing resource (database and its backups, vaults and their secrets, keys,
/// buckets and their objects, log groups and logs), who may read or manage it, through which statement, and whether
/// the allow-list permits it. The same judge as rules ENC-IAM-008/009 (<see cref="DataAccessJudge"/>), so the table
/// and the gate tell the same truth.
/// </summary>
public sealed record DataAccessReport(string Stack, ImmutableArray<AccessRow> Rows, ImmutableArray<string> Diagnostics)
{
    // Inspect is asked too, but only grants that stop at inspect are listed under it (the others are read or manage
    // rows already), so an outsider who may only list the data still shows, as the gate sees it.
    private static readonly Verb[] Verbs = [Verb.Inspect, Verb.Read, Verb.Manage];

    /// <summary>The table under the row and work budgets in force (<see cref="AccessRowBudget"/>, <see cref="AccessWorkBudget"/>).</summary>
    /// <exception cref="AccessBudgetException">The table would pass a budget.</exception>
    public static DataAccessReport Build(ResourceGraph graph, PolicyContext policy) =>
        Build(graph, policy, AccessRowBudget.MaxRows, AccessWorkBudget.MaxEvaluations);

    /// <summary>The table under <paramref name="maxRows"/> and the work budget in force.</summary>
    /// <exception cref="AccessBudgetException">The table would pass a budget.</exception>
    public static DataAccessReport Build(ResourceGraph graph, PolicyContext policy, long maxRows) =>
        Build(graph, policy, maxRows, AccessWorkBudget.MaxEvaluations);

    /// <summary>
    /// The table, refused as soon as it would hold more than <paramref name="maxRows"/> rows or cost more than
    /// <paramref name="maxEvaluations"/> statement evaluations.
    /// </summary>
    /// <exception cref="AccessRowLimitException">The table would have more rows than <paramref name="maxRows"/>.</exception>
    /// <exception cref="AccessWorkLimitException">The table would cost more than <paramref name="maxEvaluations"/> evaluations.</exception>
    public static DataAccessReport Build(ResourceGraph graph, PolicyContext policy, long maxRows, long maxEvaluations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        var budget = new EvaluationBudget(maxEvaluations);
        try { return Build(graph, policy, maxRows, budget); }
        catch (EvaluationBudgetExceededException e) { throw new AccessWorkLimitException(e.Limit, e); }
    }

    private static DataAccessReport Build(ResourceGraph graph, PolicyContext policy, long maxRows, EvaluationBudget budget)
    {
        var context = new RuleContext(graph, policy);
        var view = IamView.For(context);
        var judge = view.JudgeFor(context);
        // ENC-IAM-080/090 weigh every statement (and follow compartment paths) before a row is made: on the same budget.
        var reach = new ReachVerdicts(context, view, judge.Identities, budget);
        var rows = new List<AccessRow>();
        var texts = new RowTexts();
        // Who may act on a type in a compartment does not depend on which resource of it is asked about (only a bucket's
        // name can matter, and buckets are asked with it): one query per (verb, type, compartment), not per resource.
        // Only the entries that become rows are kept (not inspect grants that go further, nor inspect denies), so the
        // cache never holds more than the rows it has produced, which the budget bounds. Buckets are asked one by one,
        // so what they cost without producing rows is bounded by the evaluation budget, charged inside the evaluator.
        var tables = new Dictionary<(Verb, string, string?), Judged[]>();
        // The graph holds resources in URN order, so rows need sorting only within one URN (see Sort).
        var urnStart = 0;
        foreach (var node in graph.Resources)
        {
            if (!DataTypes.OfPulumiType.TryGetValue(node.Type, out var types)) continue;
            if (rows.Count > urnStart && !ReferenceEquals(rows[urnStart].Urn, node.Urn) && rows[urnStart].Urn != node.Urn)
            {
                Sort(rows, urnStart);
                urnStart = rows.Count;
            }
            var compartment = view.CompartmentKeyOf(node);
            // A bucket's objects are asked about with its name, so that target.bucket.name conditions decide.
            var access = node.IsType(OciTypes.Bucket) && node.Input("name").AsString() is { } bucket
                ? AccessContext.With(("target.bucket.name", bucket))
                : null;
            foreach (var type in types)
                foreach (var verb in Verbs)
                {
                    Judged[] judged;
                    if (access is not null) judged = Judge(judge, reach, view.Evaluator.WhoMay(verb, type, compartment, access, budget), type);
                    else if (!tables.TryGetValue((verb, type, compartment), out judged!))
                        tables[(verb, type, compartment)] = judged = Judge(judge, reach, view.Evaluator.WhoMay(verb, type, compartment, null, budget), type);
                    // Counted before the rows are made: a table over budget stops here, not after it has been built.
                    if (judged.Length > maxRows - rows.Count) throw new AccessRowLimitException(maxRows);
                    foreach (var j in judged) rows.Add(texts.Row(node, type, verb, j.Entry, j.Effect, j.Verdict, j.Why));
                }
        }
        Sort(rows, urnStart);
        return new DataAccessReport(graph.Stack, [.. rows], view.Evaluator.Diagnostics);
    }

    /// <summary>An entry that becomes a row, with the judge's verdict (the same for every resource of its query).</summary>
    private readonly record struct Judged(AccessEntry Entry, string Effect, string Verdict, string Why);

    /// <summary>
    /// The rows one query contributes: grants with their verdicts, then denies (none at inspect). A grant the data
    /// judge allows is still a violation (undetermined) where ENC-IAM-080/090 object to it for this principal and
    /// type, so the table and the gate agree.
    /// </summary>
    private static Judged[] Judge(DataAccessJudge judge, ReachVerdicts reach, Iam.AccessTable table, string type)
    {
        var judged = new List<Judged>();
        foreach (var e in table.Grants)
        {
            if (table.Verb == Verb.Inspect && !OnlyInspects(judge, e.Match.Statement, type)) continue;
            if (PermissionsMiss(judge, e.Match.Statement, type, table.Verb)) continue;
            var (allowed, why) = judge.Judge(e.Match.Statement, e.Subject, type);
            if (allowed != Truth.False && reach.Judge(e.Match.Statement, e.Subject, type) is ({ } outcome, { } problem) && outcome != Truth.True)
                (allowed, why) = (outcome == Truth.False ? Truth.False : Truth.Unknown, problem);
            judged.Add(new Judged(e, "allow", allowed switch
            {
                Truth.True => "allowed",
                Truth.False => "violation",
                _ => "undetermined",
            }, why));
        }
        if (table.Verb != Verb.Inspect)
            foreach (var e in table.Denies)
                if (!PermissionsMiss(judge, e.Match.Statement, type, table.Verb)) judged.Add(new Judged(e, "deny", "", ""));
        return [.. judged];
    }

    /// <summary>Orders rows[start..] (all of one URN) by type, access, effect, principal and statement, stably.</summary>
    private static void Sort(List<AccessRow> rows, int start)
    {
        if (rows.Count - start < 2) return;
        var sorted = rows.GetRange(start, rows.Count - start).Order(RowOrder).ToArray();
        for (var i = 0; i < sorted.Length; i++) rows[start + i] = sorted[i];
    }

    private static readonly Comparer<AccessRow> RowOrder = Comparer<AccessRow>.Create(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Urn, b.Urn);
            if (c == 0) c = string.CompareOrdinal(a.IamType, b.IamType);
            if (c == 0) c = string.CompareOrdinal(a.Access, b.Access);
            if (c == 0) c = string.CompareOrdinal(a.Effect, b.Effect);
            if (c == 0) c = string.CompareOrdinal(a.Principal, b.Principal);
            if (c == 0) c = string.CompareOrdinal(a.Statement, b.Statement);
            return c;
        });

    /// <summary>Does the statement reach <paramref name="type"/> at inspect and no more (an opaque one may do anything)?</summary>
    private static bool OnlyInspects(DataAccessJudge judge, PolicyStatement statement, string type) =>
        !statement.IsOpaque && judge.DataGrants(statement).Any(g => g.Type == type && g.Verb == Verb.Inspect);

    /// <summary>
    /// Does a permission list miss <paramref name="type"/> at <paramref name="verb"/>? The evaluator cannot place a
    /// permission, so it says a list may reach every type; the rules place each one (DataPermissions: an unknown one with
    /// a data service's prefix as manage) and judge only what lands on data. <c>{DOMAIN_UPDATE}</c> on the database, or
    /// <c>{OBJECT_READ}</c> at manage, is no grant to the gate, so no row: a table that agrees with the gate.
    /// </summary>
    private static bool PermissionsMiss(DataAccessJudge judge, PolicyStatement statement, string type, Verb verb)
    {
        var access = statement.Syntax switch
        {
            GrantStatement g => g.Access,
            AdmitStatement a => a.Access,
            _ => null,
        };
        if (access is not PermissionAccess) return false;
        foreach (var grant in judge.GrantsOf(access))
            if (grant.Type == type && grant.Verb >= verb) return false;
        return true;
    }

    /// <summary>The rows the allow-list does not permit (what ENC-IAM-008/009 fail on).</summary>
    public IEnumerable<AccessRow> Violations => Rows.Where(r => r.Verdict == "violation");

    /// <summary>
    /// The strings of rows, made once: the same principal and statement appear on every resource they reach, so a
    /// large tenancy's table shares them instead of formatting them again per row.
    /// </summary>
    private sealed class RowTexts
    {
        private readonly Dictionary<AccessSubject, string> _principals = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<PolicyStatement, string> _references = new(ReferenceEqualityComparer.Instance);

        public AccessRow Row(ResourceNode node, string type, Verb verb, AccessEntry entry, string effect, string verdict, string why)
        {
            var statement = entry.Match.Statement;
            ref var principal = ref CollectionsMarshal.GetValueRefOrAddDefault(_principals, entry.Subject, out var seen);
            if (!seen) principal = entry.Subject.Display;
            ref var reference = ref CollectionsMarshal.GetValueRefOrAddDefault(_references, statement, out var known);
            if (!known) reference = statement.Reference;
            return new AccessRow(node.Urn, node.Label, type, VerbText(verb), principal!, effect,
                statement.IsOpaque ? "unknown" : entry.Match.Value == Truth.True ? "yes" : "conditional",
                reference!, statement.DisplayText, verdict, why);
        }

        private static string VerbText(Verb verb) => verb switch
        {
            Verb.Inspect => "inspect",
            Verb.Read => "read",
            Verb.Use => "use",
            Verb.Manage => "manage",
            _ => verb.ToString().ToLowerInvariant(),
        };
    }
}
