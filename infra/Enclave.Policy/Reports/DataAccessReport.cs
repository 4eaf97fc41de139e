using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Rules.Iam;

namespace Enclave.Policy.Reports;

/// <summary>One principal's access to one data-bearing resource, and the statement it comes through.</summary>
/// <param name="Access">"read" or "manage".</param>
/// <param name="Certainty">"yes" (the statement certainly applies), "conditional" (a where clause decides at request time) or "unknown" (unknown until deploy, or unreadable).</param>
/// <param name="Effect">"allow" or "deny".</param>
public sealed record AccessRow(string Urn, string ResourceLabel, string IamType, string Access, string Principal,
    string Effect, string Certainty, string Statement, string StatementText);

/// <summary>
/// The firewall as a table: for each data-bearing resource (database, vaults, keys, buckets, log groups, logs), who may
/// read or manage it and through which statement, from the IAM evaluator's conservative answer.
/// </summary>
public sealed record DataAccessReport(string Stack, ImmutableArray<AccessRow> Rows, ImmutableArray<string> Diagnostics)
{
    /// <summary>IAM resource type per data-bearing Pulumi type.</summary>
    public static readonly IReadOnlyDictionary<string, string> IamTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OciTypes.AutonomousDatabase] = "autonomous-databases",
        [OciTypes.Vault] = "vaults",
        [OciTypes.Key] = "keys",
        [OciTypes.Bucket] = "buckets",
        [OciTypes.LogGroup] = "log-groups",
        [OciTypes.Log] = "log-content",
    };

    public static DataAccessReport Build(ResourceGraph graph, PolicyContext policy)
    {
        var view = IamView.For(new RuleContext(graph, policy));
        var rows = new List<AccessRow>();
        foreach (var node in graph.Resources.Where(n => IamTypes.ContainsKey(n.Type)))
        {
            var type = IamTypes[node.Type];
            var compartment = view.CompartmentKeyOf(node);
            foreach (var verb in new[] { Verb.Read, Verb.Manage })
            {
                var table = view.Evaluator.WhoMay(verb, type, compartment);
                rows.AddRange(table.Grants.Select(e => Row(node, type, verb, e, "allow")));
                rows.AddRange(table.Denies.Select(e => Row(node, type, verb, e, "deny")));
            }
        }
        return new DataAccessReport(graph.Stack,
            [.. rows.OrderBy(r => r.Urn, StringComparer.Ordinal).ThenBy(r => r.Access, StringComparer.Ordinal)
                .ThenBy(r => r.Effect, StringComparer.Ordinal).ThenBy(r => r.Principal, StringComparer.Ordinal)
                .ThenBy(r => r.Statement, StringComparer.Ordinal)],
            view.Evaluator.Diagnostics);
    }

    private static AccessRow Row(ResourceNode node, string type, Verb verb, AccessEntry entry, string effect) => new(
        node.Urn, node.Label, type, verb.ToString().ToLowerInvariant(), entry.Subject.Display, effect,
        entry.Match.Statement.IsOpaque ? "unknown" : entry.Match.Value == Truth.True ? "yes" : "conditional",
        entry.Match.Statement.Reference, entry.Match.Statement.DisplayText);
}
