using System.Text;
using CsCheck;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// `enclave diff` reads its head with the base as a prior (values that read the same are the base's instances). A
/// mutated head (a hostile pull request's state) read that way must load or fail exactly as it does alone: the same
/// error, or a graph equal resource by resource. Sharing must never let a limit slip or a value change.
/// </summary>
[Trait("Category", "Fuzz")]
public class PriorFuzzTests
{
    private static readonly string[] Exports = Corpus.Files("tests/Enclave.Cli.Tests/Check/Fixtures", "*export*.json");

    private static readonly ResourceGraph[] Bases =
        [.. Exports.Select(json => ArtifactLoader.Parse(Encoding.UTF8.GetBytes(json), "base.json").Graph)];

    private static readonly Gen<(int Seed, byte[] Head)> Heads =
        from seed in Gen.Int[0, Exports.Length - 1]
        from head in Corpus.MutatedBytes(Exports[seed])
        select (seed, head);

    [Fact]
    public void A_mutated_head_read_with_its_base_loads_or_fails_as_it_does_alone() =>
        Fuzz.Run(Heads, 300, sample =>
        {
            var alone = Outcome(sample.Head, null);
            var shared = Outcome(sample.Head, Bases[sample.Seed]);
            Assert.Equal(alone, shared);
        }, sample => $"seed file {sample.Seed}, {sample.Head.Length} bytes");

    /// <summary>The load's error, or every field of every resource as text (values by their structural form).</summary>
    private static string Outcome(byte[] head, ResourceGraph? prior)
    {
        try
        {
            var graph = ArtifactLoader.Parse(head, "head.json", prior: prior).Graph;
            var text = new StringBuilder().AppendLine($"{graph.Stack} {graph.Project} {graph.Origin} {graph.Unjudged.Length}");
            foreach (var n in graph.Resources)
                text.AppendLine(string.Join(" | ", n.Urn, n.Type, n.Name, n.Custom, n.Protect, n.Parent, n.Provider, n.Region,
                    Describe(n.Id), Describe(n.Inputs), Describe(n.Outputs), string.Join(",", n.Dependencies),
                    string.Join(",", n.PropertyDependencies.Select(p => $"{p.Key}=[{string.Join(",", p.Value)}]"))));
            return text.ToString();
        }
        catch (ArtifactLoadException e)
        {
            return "refused: " + e.Message;
        }
    }

    private static string Describe(PropertyValue value) => value switch
    {
        MapValue m => "{" + string.Join(",", m.Entries.ToArray().Select(e => $"{e.Key}:{Describe(e.Value)}")) + "}",
        ListValue l => "[" + string.Join(",", l.Items.Select(Describe)) + "]",
        StringValue s => "\"" + s.Value + "\"",
        _ => $"{value.GetType().Name}:{value}",
    };
}
