using Enclave.Policy.Engine;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-GOV-007: a flag, access type, region, CIDR or port that is unknown before deployment was computed from another
/// resource and can be anything at `pulumi up`, so it fails in a preview too, where references stay advisory.
/// </summary>
public class LiteralSettingsTests
{
    private const string Rule = "ENC-GOV-007";

    public static TheoryData<string, string> Literals()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, key) in IsolationSettings.AllLiterals) data.Add(type, key);
        return data;
    }

    private static IReadOnlyList<Finding> Judge(string type, string key, object value)
    {
        var g = new GraphBuilder();
        g.Add(type, "subject", new Dictionary<string, object?> { [key] = value });
        return RuleRunner.Run(g, GraphPath.HandUnknownIds, Rule).Findings.Select(f => f.Finding).ToList();
    }

    [Theory]
    [MemberData(nameof(Literals))]
    public void Every_declared_literal_fails_when_unknown_and_passes_when_set(string type, string key)
    {
        var unknown = Judge(type, key, Unknown);
        Assert.Contains(unknown, f => f.Verdict == Verdict.Fail && f.Urn.EndsWith("::subject", StringComparison.Ordinal) && f.Message.Contains(key, StringComparison.Ordinal));

        Assert.DoesNotContain(Judge(type, key, "set-by-the-program"), f => f.Verdict != Verdict.Pass);
    }

    [Theory]
    [MemberData(nameof(RuleRunnerPaths))]
    public void A_computed_literal_fails_in_a_preview_while_an_unknown_reference_stays_advisory(GraphPath path)
    {
        var g = CompliantEnclave.Build();
        g.With("data-bucket", "kmsKeyId", Unknown);
        var report = RuleRunner.Run(g, path, Rule);
        Assert.DoesNotContain(report.Findings, f => f.Status != FindingStatus.Pass);

        g.With("data-bucket", "accessType", Unknown);
        report = RuleRunner.Run(g, path, Rule);
        Assert.Contains(report.Findings, f => f.Status == FindingStatus.Fail && f.Urn == g.Urn("data-bucket"));
    }

    [Fact]
    public void The_message_names_the_resources_the_value_was_computed_from()
    {
        var node = ResourceNode.Create("urn:pulumi:dev::p::oci:ObjectStorage/bucket:Bucket::b", OciTypes.Bucket, "b",
            inputs: PropertyValue.Map(("accessType", PropertyValue.Unknown))) with
        {
            PropertyDependencies = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [new KeyValuePair<string, System.Collections.Immutable.ImmutableArray<string>>("accessType", ["urn:pulumi:dev::p::random:index/randomString:RandomString::coin"])]),
        };
        var graph = new ResourceGraph("dev", "p", GraphOrigin.Preview, [node]);
        var finding = new Enclave.Policy.Rules.Governance.LiteralSettingsKnown().Evaluate(new RuleContext(graph, CompliantEnclave.Policy)).Single();

        Assert.Equal(Verdict.Fail, finding.Verdict);
        Assert.Contains("computed from coin", finding.Message, StringComparison.Ordinal);
    }

    public static TheoryData<GraphPath> RuleRunnerPaths() => new(RuleRunner.AllPaths);
}
