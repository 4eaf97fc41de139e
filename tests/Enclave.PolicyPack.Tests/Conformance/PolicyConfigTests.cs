using Enclave.Policy.Graph;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Tests.EngineSide;
using Enclave.PolicyPack.Tests.Variants;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>
/// `--policy-pack-config` as the engine passes it (<c>Configure</c>, after <c>ConfigureStack</c>): an advisory rule can
/// be raised to mandatory or disabled, and a rule's settings can make it stricter, which then blocks what the
/// catalogue's limits let through.
/// </summary>
public sealed class PolicyConfigTests
{
    private static ConfigureAnalyzerRequest Config(string policy, EnforcementLevel level, params (string Key, double Value)[] settings)
    {
        var config = new PolicyConfig { EnforcementLevel = level, Properties = new Struct() };
        foreach (var (key, value) in settings) config.Properties.Fields[key] = Value.ForNumber(value);
        return new ConfigureAnalyzerRequest { PolicyConfig = { [policy] = config } };
    }

    /// <summary>Prod with a database that names no customer contacts (ENC-DB-005, advisory in the catalogue).</summary>
    private static async Task<(ResourceGraph Graph, Offline.Stacks.StackConfig Config, string Db)> WithoutContactsAsync()
    {
        var (prod, config) = await Stacks.PreviewAsync("prod");
        var db = prod.First("oci:Database/autonomousDatabase:AutonomousDatabase");
        return (prod.Replace(db with { Inputs = new MapValue(db.Inputs.Fields.Remove("customerContacts")) }), config, db.Urn);
    }

    [Fact]
    public async Task An_advisory_rule_reports_without_blocking_until_the_config_makes_it_mandatory()
    {
        var (graph, config, db) = await WithoutContactsAsync();

        await using (var pack = await PackProcess.StartAsync())
        {
            var advisory = await EngineConversation.PreviewAsync(pack, graph, config);
            Assert.Contains(advisory.Diagnostics, d => d.PolicyName == "ENC-DB-005" && d.Urn == db && d.EnforcementLevel == EnforcementLevel.Advisory);
            Assert.DoesNotContain(advisory.Diagnostics, d => d.EnforcementLevel == EnforcementLevel.Mandatory);
        }
        await using (var pack = await PackProcess.StartAsync())
        {
            var raised = await EngineConversation.PreviewAsync(pack, graph, config, Config("ENC-DB-005", EnforcementLevel.Mandatory));
            Assert.Contains(raised.Diagnostics, d => d.PolicyName == "ENC-DB-005" && d.Urn == db && d.EnforcementLevel == EnforcementLevel.Mandatory);
            var info = await pack.Client.GetAnalyzerInfoAsync(new Empty());
            Assert.Equal(EnforcementLevel.Mandatory, info.Policies.Single(p => p.Name == "ENC-DB-005").EnforcementLevel);
        }
    }

    [Fact]
    public async Task An_entry_for_one_policy_overrides_all()
    {
        await using var pack = await PackProcess.StartAsync();
        var request = Config("ENC-DB-005", EnforcementLevel.Advisory);
        request.PolicyConfig["all"] = new PolicyConfig { EnforcementLevel = EnforcementLevel.Mandatory };

        await pack.Client.ConfigureAsync(request);

        var levels = (await pack.Client.GetAnalyzerInfoAsync(new Empty())).Policies.ToDictionary(p => p.Name, p => p.EnforcementLevel);
        Assert.Equal(EnforcementLevel.Advisory, levels["ENC-DB-005"]);
        Assert.All(levels.Where(l => l.Key != "ENC-DB-005"), l => Assert.Equal(EnforcementLevel.Mandatory, l.Value));
    }

    [Fact]
    public async Task A_disabled_advisory_rule_does_not_run()
    {
        var (graph, config, _) = await WithoutContactsAsync();
        await using var pack = await PackProcess.StartAsync();

        var result = await EngineConversation.PreviewAsync(pack, graph, config, Config("ENC-DB-005", EnforcementLevel.Disabled));

        Assert.DoesNotContain(result.Diagnostics, d => d.PolicyName == "ENC-DB-005");
        Assert.DoesNotContain(result.ResourceAnswers.Append(result.StackAnswer).SelectMany(a => a.NotApplicable), n => n.PolicyName == "ENC-DB-005");
    }

    [Fact]
    public async Task Stricter_settings_block_what_the_enclave_limits_let_through()
    {
        var (prod, config) = await Stacks.PreviewAsync("prod");
        var keys = prod.OfType("oci:Kms/key:Key").Select(k => k.Urn).ToHashSet();
        var bastions = prod.OfType("oci:Bastion/bastion:Bastion").Select(b => b.Urn).ToHashSet();
        var settings = new ConfigureAnalyzerRequest
        {
            PolicyConfig =
            {
                // The stack rotates keys every 90 days and allows 3-hour Bastion sessions.
                ["ENC-KMS-001"] = Config("ENC-KMS-001", EnforcementLevel.Mandatory, ("maxRotationDays", 60)).PolicyConfig["ENC-KMS-001"],
                ["ENC-NET-009"] = Config("ENC-NET-009", EnforcementLevel.Mandatory, ("maxSessionSeconds", 3600)).PolicyConfig["ENC-NET-009"],
            },
        };
        await using var pack = await PackProcess.StartAsync();

        var result = await EngineConversation.PreviewAsync(pack, prod, config, settings);

        var blocking = result.Diagnostics.Where(d => d.EnforcementLevel == EnforcementLevel.Mandatory).ToList();
        Assert.Equal(keys, blocking.Where(d => d.PolicyName == "ENC-KMS-001").Select(d => d.Urn).ToHashSet());
        Assert.Equal(bastions, blocking.Where(d => d.PolicyName == "ENC-NET-009").Select(d => d.Urn).ToHashSet());
        Assert.NotEmpty(keys);
        Assert.NotEmpty(bastions);
        Assert.All(blocking, d => Assert.Contains(d.PolicyName, new[] { "ENC-KMS-001", "ENC-NET-009" }));
    }

    [Theory]
    [InlineData(30, false)]
    [InlineData(-1, true)]
    public async Task Waivers_suppress_and_expire_in_the_pack_as_in_enclave_check(int daysLeft, bool blocks)
    {
        var (prod, config) = await Stacks.PreviewAsync("prod");
        var (graph, rule, urn) = ViolationTests.All.Single(v => v.Name == "a bucket opened to the public").Apply(prod);
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysLeft);
        var waivers = Path.Combine(Path.GetTempPath(), $"enclave-pack-waivers-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(waivers,
            $"waivers:\n  - rule: {rule}\n    urn: \"{urn}\"\n    reason: \"public download mirror, ticket SEC-7\"\n    expires: {expires:yyyy-MM-dd}\n" +
            "    critical: true\n    approver: \"Jane Doe (US data security)\"\n");
        try
        {
            var request = new ConfigureAnalyzerRequest
            {
                PolicyConfig = { ["ENC-GOV-900"] = new PolicyConfig { EnforcementLevel = EnforcementLevel.Mandatory, Properties = new Struct { Fields = { ["waivers"] = Value.ForString(waivers) } } } },
            };
            await using var pack = await PackProcess.StartAsync();

            var result = await EngineConversation.PreviewAsync(pack, graph, config, request);
            var check = await StackVerdicts.EnclaveCheckAsync(graph, waivers);

            Assert.Empty(result.Verdicts.DifferencesFrom(check, "the pack", "enclave check"));
            // A valid waiver suppresses the finding; an expired one suppresses nothing and is itself a violation.
            var blocking = result.Diagnostics.Where(d => d.EnforcementLevel == EnforcementLevel.Mandatory).Select(d => d.PolicyName).Order().ToList();
            Assert.Equal(blocks ? ["ENC-GOV-900", rule] : [], blocking);
        }
        finally
        {
            File.Delete(waivers);
        }
    }
}
