using CsCheck;
using Enclave.Configuration;
using Enclave.Offline.Stacks;
using Enclave.Policy.Inputs;
using Enclave.Policy.Waivers;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// The YAML a pull request can change: the YAML reader itself, stack configs (read, then validated by the program's
/// config reader), Pulumi.yaml and waiver files. Documented outcomes: <see cref="YamlInputException"/>,
/// <see cref="StackConfigException"/>, <see cref="WaiverFileException"/>; the config reader reports problems and
/// never throws.
/// </summary>
[Trait("Category", "Fuzz")]
public class YamlFuzzTests
{
    private static readonly string[] Stacks = Corpus.Files("stacks", "Pulumi.*.yaml");
    private static readonly string Project = Corpus.Text("Pulumi.yaml");
    private static readonly ProjectFile RepoProject = ProjectFile.Parse(Project, Corpus.Root);

    private const string Waivers = """
        waivers:
          - rule: ENC-NET-004
            urn: "urn:pulumi:prod::us-data-enclave::pulumi:pulumi:Stack$oci:Core/natGateway:NatGateway::nat"
            reason: "Patch mirror until the SGW route lands (SEC-142)"
            expires: 2026-07-01
          - rule: ENC-STO-001
            urn: "urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::*"
            matches: many
            critical: true
            approver: "J. Doe (US data security)"
            reason: "Public status page"
            expires: 2026-06-30
        """;

    /// <summary>Random YAML trees with anchors and aliases, flow and block styles.</summary>
    private static readonly Gen<string> Trees = Gen.Recursive<string>((depth, inner) => depth >= 5
        ? Gen.OneOfConst("a", "1", "2.5", "~", "\"q\"", "'s'", "*x", "&x v", "true", "1e999", "\"\\e[31m\"")
        : Gen.Frequency(
            (3, Gen.OneOfConst("a", "1", "*x", "&x [1, 2]", "null", "\"\\u202e\"")),
            (2, inner.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
            (2, Gen.Select(Gen.OneOfConst("k", "config", "us-data-enclave:network", "waivers", "<<", "? [a]"), inner).Array[0, 4]
                .Select(fields => "{" + string.Join(", ", fields.Select(f => $"{f.Item1}: {f.Item2}")) + "}")),
            (1, inner.Array[1, 3].Select(items => "&x " + string.Join("\n- ", items)))));

    [Fact]
    public void The_yaml_reader_parses_or_refuses_with_a_line() =>
        Fuzz.Run(Gen.OneOf(Corpus.Mutated([.. Stacks, Project, Waivers]), Trees), 1500,
            text => Fuzz.Expect<YamlInputException>(() => SafeYaml.Load(text)));

    /// <summary>
    /// Round 14: the count limits a waiver file is read under (list items, values with aliases expanded) are enforced
    /// while parsing: whatever loads under small limits holds no more than they allow.
    /// </summary>
    [Fact]
    public void Whatever_loads_under_count_limits_holds_no_more_than_they_allow() =>
        Fuzz.Run(Gen.Select(Gen.OneOf(Corpus.Mutated([.. Stacks, Waivers]), Trees), Gen.Int[1, 6], Gen.Int[1, 60]), 1000, t =>
        {
            var (text, items, nodes) = t;
            var limits = YamlLimits.Default with { MaxListItems = items, MaxNodes = nodes };
            Fuzz.Expect<YamlInputException>(() =>
            {
                if (SafeYaml.Load(text, limits) is not { } root) return;
                var (count, widest) = Count(root);
                Assert.True(count <= nodes, $"{count} values loaded under a limit of {nodes}");
                Assert.True(widest <= items, $"a list of {widest} items loaded under a limit of {items}");
            });
        }, t => $"{t.Item2} items, {t.Item3} values: {t.Item1}");

    /// <summary>Nodes of a loaded tree (aliases are the nodes they stand for) and its longest list.</summary>
    private static (long Count, int Widest) Count(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlDotNet.RepresentationModel.YamlSequenceNode s => s.Children.Select(Count)
            .Aggregate((Count: 1L, Widest: s.Children.Count), (a, c) => (a.Count + c.Count, Math.Max(a.Widest, c.Widest))),
        YamlDotNet.RepresentationModel.YamlMappingNode m => m.Children.SelectMany(p => new[] { Count(p.Key), Count(p.Value) })
            .Aggregate((Count: 1L, Widest: 0), (a, c) => (a.Count + c.Count, Math.Max(a.Widest, c.Widest))),
        _ => (1, 0),
    };

    [Fact]
    public void Stack_configs_load_and_validate_or_fail_with_a_config_error() =>
        Fuzz.Run(Corpus.Mutated(Stacks), 1200, text => Fuzz.Expect<StackConfigException>(() =>
        {
            var config = StackConfigFile.Parse(RepoProject, "dev", text);
            var result = EnclaveConfig.Parse(config.Source, "dev");
            Assert.True(result.IsValid || !result.Problems.IsEmpty, "an invalid config must name its problems");
        }));

    [Fact]
    public void Project_files_load_or_fail_with_a_config_error() =>
        Fuzz.Run(Corpus.Mutated(Project, "name: p\nruntime: dotnet\nconfig:\n  k:\n    type: array\n    items:\n      type: integer\n    default: [1]\n"), 800,
            text => Fuzz.Expect<StackConfigException>(() => ProjectFile.Parse(text, Corpus.Root)));

    [Fact]
    public void Waiver_files_load_or_fail_with_a_waiver_error() =>
        Fuzz.Run(Gen.OneOf(Corpus.Mutated(Waivers), Trees.Select(t => "waivers: " + t)), 1500,
            text => Fuzz.Expect<WaiverFileException>(() =>
            {
                // Whatever loads names a catalogue rule exactly and says nothing a reviewer cannot see.
                foreach (var w in WaiverLoader.Parse(text, "waivers.yaml").Waivers)
                {
                    Assert.Contains(w.Rule, Enclave.Policy.Rules.RuleCatalogue.All.Select(r => r.Info.Id));
                    Assert.Same(w.UrnPattern, Enclave.Escaping.SafeText.Escape(w.UrnPattern));
                }
            }));
}
