using Enclave.Offline;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.Tests.Configuration;

namespace Enclave.Tests.Offline;

/// <summary>
/// Issue 10 part 1: the program never makes an isolation-relevant setting secret (policy statements, CIDRs, regions,
/// access types, connector sources and targets, route and security rules, ...): a secret there is a value the gate,
/// reviewers and auditors can never read. Checked on what the program declares for every shipped stack, against the
/// same declared list ENC-GOV-006 enforces at the gate.
/// </summary>
[Collection(OfflineCollection.Name)]
public class IsolationSettingsSecrecyTests
{
    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task No_isolation_relevant_input_of_the_shipped_stack_is_secret(string stack)
    {
        var graph = (await OfflinePlanner.RunAsync(RepoRoot.Path, stack)).Graph;

        var read = graph.Resources.Where(n => n.Custom).Sum(n => IsolationSettings.KeysOf(n.Type).Count(k => !n.Input(k).IsNull));
        Assert.True(read > 100, $"{stack}: only {read} isolation-relevant inputs found; is the list still read?");
        Assert.Empty(SecretSettings(graph.Resources));
    }

    [Fact]
    public async Task A_statement_list_made_secret_is_reported()
    {
        var graph = (await OfflinePlanner.RunAsync(RepoRoot.Path, "dev")).Graph;
        var policy = graph.Resources.First(n => n.Type == OciTypes.Policy);
        var secretStatements = policy with { Inputs = policy.Inputs with { Fields = policy.Inputs.Fields.SetItem("statements", PropertyValue.Secret) } };

        var found = SecretSettings(graph.Resources.Replace(policy, secretStatements));

        Assert.Equal([$"{policy.Urn}: statements"], found);
    }

    /// <summary>Each isolation-relevant input (by the declared list) that is or holds a secret, as "URN: key".</summary>
    private static List<string> SecretSettings(IEnumerable<ResourceNode> nodes) =>
        nodes.Where(n => n.Custom)
            .SelectMany(n => IsolationSettings.KeysOf(n.Type).Where(k => n.Input(k).ContainsSecret).Select(k => $"{n.Urn}: {k}"))
            .ToList();
}
