using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Enclave.Policy.Iam;

/// <summary>
/// What the evaluator works out once, before any query: locations resolved, group references completed, and (on
/// first use) the reverse query's subjects and the diagnostics. Policies repeat statements, so each is worked out
/// per distinct text (or per text and policy) rather than per statement.
/// </summary>
public sealed partial class AccessEvaluator
{
    /// <summary>
    /// Each statement's location resolved. The answer depends only on the location and the policy's compartment,
    /// and copies of a text share their tree, so a text is resolved once per policy that holds it (a policy's
    /// statements are consecutive: remembering the last policy per text is enough).
    /// </summary>
    private ResolvedLocation?[] ResolveLocations()
    {
        var statements = Policies.Statements;
        var resolved = new ResolvedLocation?[statements.Length];
        var lastPolicy = new IamPolicy?[Policies.Distinct.Length];
        var lastResolved = new ResolvedLocation?[Policies.Distinct.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            if (LocationOf(statement) is not { } location)
            {
                resolved[i] = Elsewhere;
                continue;
            }
            var d = Policies.DistinctIndexOf(i);
            if (!ReferenceEquals(lastPolicy[d], statement.Policy))
            {
                var key = statement.Policy.CompartmentKey;
                lastResolved[d] = LocationResolver.Resolve(location, _tree, AttachmentOf(key), key);
                lastPolicy[d] = statement.Policy;
            }
            resolved[i] = lastResolved[d];
        }
        return resolved;
    }

    private static readonly ResolvedLocation Elsewhere = new ResolvedLocation.Elsewhere();

    private CompartmentTree.Node? AttachmentOf(string? key) => key is null ? null : _tree.Find(key);

    private static Location? LocationOf(PolicyStatement statement) => statement.Syntax switch
    {
        GrantStatement g => g.Location,
        AdmitStatement a => a.Location,
        _ => null,
    };

    /// <summary>
    /// Each distinct text's group references completed from the model; texts name the same few groups over and
    /// over, so each distinct reference is completed once.
    /// </summary>
    private IamGroup[]?[] CompleteReferences()
    {
        var references = new IamGroup[]?[Policies.Distinct.Length];
        var completedOf = new Dictionary<GroupReference, IamGroup>();
        for (var d = 0; d < references.Length; d++)
        {
            if (SubjectOf(Policies.Distinct[d]) is not GroupSubject g) continue;
            var completed = references[d] = new IamGroup[g.Groups.Count];
            for (var r = 0; r < completed.Length; r++)
            {
                ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(completedOf, g.Groups[r], out var seen);
                if (!seen) known = _index.Complete(g.Groups[r]);
                completed[r] = known!;
            }
        }
        return references;
    }

    /// <summary>The subjects of every allow/deny and admit, for <see cref="WhoMay"/>; shared per distinct subject.</summary>
    private List<(AccessSubject, Principal?)>?[] SubjectsOf()
    {
        var statements = Policies.Statements;
        var subjects = new List<(AccessSubject, Principal?)>?[statements.Length];
        var local = new Dictionary<Subject, List<(AccessSubject, Principal?)>>();
        for (var i = 0; i < statements.Length; i++)
        {
            subjects[i] = statements[i].Syntax switch
            {
                GrantStatement g => local.TryGetValue(g.Subject, out var known) ? known : local[g.Subject] = Local(g.Subject),
                AdmitStatement a => Admitted(a, statements[i].Policy),
                _ => null,
            };
        }
        return subjects;
    }

    /// <summary>
    /// The flags of reference §3.4 step 2, phrased only when read: the tree's problems, then for each statement in
    /// order a policy placed nowhere and its location's note (prefixed with the statement's reference).
    /// </summary>
    private ImmutableArray<string> Diagnose(List<string> treeDiagnostics)
    {
        var diagnostics = new List<string>(treeDiagnostics);
        for (var i = 0; i < Policies.Statements.Length; i++)
        {
            var statement = Policies.Statements[i];
            if (LocationOf(statement) is null) continue;
            var key = statement.Policy.CompartmentKey;
            if (AttachmentOf(key) is null)
                diagnostics.Add($"policy '{statement.Policy.Name}' is attached to {(key is null ? "an unknown compartment" : $"compartment '{key}', which is not in the model")}");
            if (_locations[i]!.Note is { } note) diagnostics.Add($"{statement.Reference}: {note}");
        }
        return [.. diagnostics.Distinct()];
    }

    private static Subject? SubjectOf(PolicyStatement statement) => statement.Syntax switch
    {
        GrantStatement g => g.Subject,
        AdmitStatement a => a.Subject,
        _ => null,
    };
}
