using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-GOV-091 judges each defined-tag key once per run and reuses the verdict and texts for every resource carrying
/// it (a large state repeats the same few keys on every resource), keeping at most a few thousand keys. Reused or not,
/// each resource's finding must be what judging that resource alone gives.
/// </summary>
public sealed class TagKeysJudgedOnceTests
{
    private const string Own = "usde-dev-namesp";

    private static GraphBuilder Enclave()
    {
        var g = CompliantEnclave.Build();
        g.Add(OciTypes.TagNamespace, "tags", new { compartmentId = Ref("enclave"), name = Own, description = "enclave tags" });
        return g;
    }

    private static Dictionary<string, object?> TagsOf(IEnumerable<string> keys) => keys.ToDictionary(k => k, _ => (object?)"v");

    private static ReportedFinding FindingOf(GraphBuilder g, string resource) =>
        RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-GOV-091").Findings.Single(f => f.Urn == g.Urn(resource));

    [Fact]
    public void Resources_sharing_keys_each_get_their_own_verdict_past_the_kept_keys()
    {
        // 6,000 distinct keys on one resource: more than the rule keeps, half of them of a namespace the stack lacks.
        var own = Enumerable.Range(0, 3000).Select(i => $"{Own}.k{i}").ToArray();
        // The last foreign key is longer than any the rule keeps: judged afresh on each resource.
        var foreign = Enumerable.Range(0, 3000).Select(i => $"ParentCo-Governance.k{i}" + (i == 2999 ? new string('x', 300) : "")).ToArray();
        var g = Enclave();
        g.With("data-bucket", "definedTags", TagsOf(own.Concat(foreign)));
        g.With("archive", "definedTags", TagsOf(own.Concat(foreign)));
        g.With("vault", "definedTags", TagsOf(own));
        g.With("key", "definedTags", TagsOf([foreign[^1], own[0]]));
        var report = RuleRunner.Run(g, GraphPath.HandKnownIds, "ENC-GOV-091");
        ReportedFinding Of(string name) => report.Findings.Single(f => f.Urn == g.Urn(name));

        foreach (var name in new[] { "data-bucket", "archive" })
        {
            var finding = Of(name);
            Assert.Equal(FindingStatus.Fail, finding.Status);
            var message = finding.Finding.Message;
            foreach (var key in new[] { foreign[0], foreign[2999] })
                Assert.Contains($"carries defined tag {key} of namespace ParentCo-Governance, which this stack does not declare", message);
            Assert.DoesNotContain($"{Own}.k0", message);
        }
        // The same keys, the same words: only the subject (the resource's label) differs.
        static string Body(ReportedFinding f) => f.Finding.Message[f.Finding.Message.IndexOf(": ", StringComparison.Ordinal)..];
        Assert.Equal(Body(Of("data-bucket")), Body(Of("archive")));
        Assert.Equal(FindingStatus.Pass, Of("vault").Status);
        Assert.Contains($"defined tag {Own}.k2999 is of the stack's tag namespace {Own}", Of("vault").Finding.Message);

        // Each resource's finding equals the one it gets alone, whatever keys the run judged before it.
        foreach (var name in new[] { "vault", "key" })
        {
            var alone = Enclave();
            alone.With(name, "definedTags", (Dictionary<string, object?>)g[name].Inputs["definedTags"]!);
            var expected = FindingOf(alone, name);
            Assert.Equal(expected.Status, Of(name).Status);
            Assert.Equal(expected.Finding.Message, Of(name).Finding.Message);
        }
    }
}
