using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.LandingZoneModel;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// A text that appears several times (in one policy or in several) is parsed once per set but is still several
/// statements: each occurrence keeps its policy, index and reference, and is reported on its own.
/// </summary>
public sealed class RepeatedStatementTests
{
    private const string ManageAll = "allow group a to manage all-resources in tenancy";
    private const string Broken = "allow group a to";

    private static PolicySet Set() => new([
        new IamPolicy("p", Root, [ManageAll, Broken, ManageAll, null, Broken], "urn:p"),
        new IamPolicy("q", Root, [ManageAll], "urn:q"),
    ]);

    [Fact]
    public void Every_occurrence_keeps_its_own_policy_index_and_reference()
    {
        var statements = Set().Statements;
        Assert.Equal(["urn:p[0]", "urn:p[1]", "urn:p[2]", "urn:p[3]", "urn:p[4]", "urn:q[0]"], statements.Select(s => s.Reference));
        Assert.All(statements.Where(s => s.Text == ManageAll), s => Assert.Equal(PolicyParser.Parse(ManageAll).Value, s.Syntax));
        Assert.All(statements.Where(s => s.Text == Broken), s => Assert.Equal(PolicyParser.Parse(Broken).Error, s.Error));
    }

    [Fact]
    public void Findings_name_every_occurrence()
    {
        var set = Set();
        Assert.Equal(["urn:p[0]", "urn:p[2]", "urn:q[0]"], PolicyFindings.ManageAllResources(set.Statements).Select(s => s.Reference));
        Assert.Equal(["urn:p[1]", "urn:p[3]", "urn:p[4]"], PolicyFindings.Opaque(set.Statements).Select(s => s.Reference));
    }

    [Fact]
    public void Answers_about_distinct_texts_reach_every_copy_in_statement_order()
    {
        var set = new PolicySet([
            new IamPolicy("p", Root, ["allow group b to read buckets in tenancy", ManageAll], "urn:p"),
            new IamPolicy("q", Root, [ManageAll, "allow group b to read buckets in tenancy"], "urn:q"),
        ]);
        Assert.Equal(["urn:p[0]", "urn:p[1]"], set.Distinct.Select(s => s.Reference));
        var answers = set.EveryCopy([(set.Distinct[1], "manage"), (set.Distinct[0], "read"), (set.Distinct[1], "again")]);
        Assert.Equal(["urn:p[0] read", "urn:p[1] manage", "urn:p[1] again", "urn:q[0] manage", "urn:q[0] again", "urn:q[1] read"],
            answers.Select(x => $"{x.Statement.Reference} {x.Answer}"));
        Assert.Throws<ArgumentException>(() => set.EveryCopy([(set.Statements[2], "not a first copy")]).ToList());
    }

    [Fact]
    public void An_unresolved_location_is_flagged_once_per_occurrence_in_statement_order()
    {
        const string nowhere = "allow group g to manage keys in compartment nowhere";
        var lz = Evaluator(RootPolicy(nowhere, "allow group h to read keys in tenancy", nowhere));
        Assert.Equal(["extra-root-policy[0]", "extra-root-policy[2]"],
            lz.Diagnostics.Where(d => d.Contains("'compartment nowhere'")).Select(d => d[..d.IndexOf(':')]));
        var decision = lz.MayAllow(Member("g"), Verb.Manage, "keys", Security);
        Assert.Equal(["extra-root-policy[0]", "extra-root-policy[2]"], decision.Grants.Select(g => g.Statement.Reference));
        Assert.All(decision.Grants, g => Assert.Contains(g.Notes, n => n.Contains("could not be resolved below 'enclave'")));
    }
}
