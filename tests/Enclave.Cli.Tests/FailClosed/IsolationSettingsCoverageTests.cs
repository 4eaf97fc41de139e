using Enclave.Cli.Tests.Plan;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;

namespace Enclave.Cli.Tests.FailClosed;

/// <summary>
/// The list of isolation-relevant settings (what ENC-GOV-006 forbids to be secret) must cover what the rules actually
/// read. Found by experiment on the shipped prod stack: each input of each kind of resource is made secret in turn,
/// and any input whose secrecy changes a mandatory rule's verdict anywhere must be on the list. A rule that starts
/// reading a new input therefore fails here until the input is declared.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class IsolationSettingsCoverageTests
{
    [Fact]
    public async Task Every_input_whose_secrecy_changes_a_mandatory_verdict_on_prod_is_declared_isolation_relevant()
    {
        var run = await ProdExperiment.RunAsync(preview: true);
        IReadOnlyList<IRule> rules = RuleCatalogue.All
            .Where(r => r.Info.Enforcement == Enforcement.Mandatory && r.Info.Id != "ENC-GOV-006").ToList();
        var baseline = ProdExperiment.Verdicts(run.Graph, run.Policy, rules);

        var missing = new List<string>();
        var read = 0;
        var tried = new HashSet<(string Type, string Path)>();
        var resources = run.Graph.Resources;
        for (var i = 0; i < resources.Length; i++)
        {
            var node = resources[i];
            if (!node.Custom) continue;
            foreach (var path in Paths(node.Inputs))
            {
                if (!tried.Add((node.Type, Normalized(path)))) continue;
                var changed = resources.SetItem(i, node with { Inputs = (MapValue)WithSecret(node.Inputs, Segments(path)) });
                var differs = ProdExperiment.Verdicts(ProdExperiment.With(run.Graph, changed), run.Policy, rules).Where(kv => baseline.GetValueOrDefault(kv.Key) != kv.Value)
                    .Select(kv => kv.Key.Rule).Distinct().ToList();
                if (differs.Count > 0) read++;
                if (differs.Count > 0 && !IsolationSettings.IsRelevant(node.Type, path))
                    missing.Add($"{node.Type} {path} (read by {string.Join(", ", differs)})");
            }
        }
        // The experiment itself works: many inputs were tried and many turned out to be read.
        Assert.True(tried.Count > 150, $"only {tried.Count} inputs tried");
        Assert.True(read > 40, $"only {read} inputs changed a verdict when secret");
        Assert.True(missing.Count == 0, "inputs the rules read but IsolationSettings does not declare:\n" + string.Join("\n", missing));
    }

    /// <summary>Every top-level key and every path inside it (maps and list items), outermost first.</summary>
    private static IEnumerable<string> Paths(PropertyValue value, string prefix = "")
    {
        switch (value)
        {
            case MapValue m:
                foreach (var (k, v) in m.Fields)
                {
                    var path = prefix.Length == 0 ? k : $"{prefix}.{k}";
                    yield return path;
                    foreach (var inner in Paths(v, path)) yield return inner;
                }
                break;
            case ListValue l:
                for (var i = 0; i < l.Items.Length; i++)
                {
                    yield return $"{prefix}[{i}]";
                    foreach (var inner in Paths(l.Items[i], $"{prefix}[{i}]")) yield return inner;
                }
                break;
        }
    }

    private static string Normalized(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");

    private static List<object> Segments(string path) =>
        System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[(\d+)\]")
            .Select(m => m.Groups[1].Success ? (object)int.Parse(m.Groups[1].Value) : m.Value).ToList();

    private static PropertyValue WithSecret(PropertyValue value, List<object> path, int at = 0)
    {
        if (at == path.Count) return PropertyValue.Secret;
        return (value, path[at]) switch
        {
            (MapValue m, string key) => m with { Fields = m.Fields.SetItem(key, WithSecret(m.Fields[key], path, at + 1)) },
            (ListValue l, int index) => new ListValue(l.Items.SetItem(index, WithSecret(l.Items[index], path, at + 1))),
            _ => value,
        };
    }
}
