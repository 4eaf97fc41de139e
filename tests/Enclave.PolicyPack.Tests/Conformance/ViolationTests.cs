using Enclave.Policy.Graph;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Tests.EngineSide;
using Enclave.PolicyPack.Tests.Variants;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>
/// Single hostile changes to the prod stack, as a pull request would make them: the pack blocks each with a mandatory
/// diagnostic naming the rule and the resource (a resource rule as the resource is registered, a stack rule at the
/// end), judges the whole changed stack exactly as `enclave check` does, and never echoes a secret's plaintext.
/// </summary>
public sealed class ViolationTests
{
    public static readonly Variant[] All =
    [
        new("an internet gateway in the enclave VCN", g =>
        {
            var vcn = g.First("oci:Core/vcn:Vcn");
            var igw = GraphEdits.Beside(vcn, g, "oci:Core/internetGateway:InternetGateway", "sneaky-igw",
                PropertyValue.Map(("compartmentId", vcn.Input("compartmentId")), ("vcnId", vcn.Id), ("enabled", PropertyValue.Of(true))));
            return (g.Add(igw), "ENC-NET-002", igw.Urn);
        }),
        new("a bucket opened to the public", g =>
        {
            var bucket = g.First("oci:ObjectStorage/bucket:Bucket").WithInput("accessType", PropertyValue.Of("ObjectRead"));
            return (g.Replace(bucket), "ENC-STO-001", bucket.Urn);
        }),
        new("an NSG rule admitting the whole internet", g =>
        {
            var rule = g.OfType("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule")
                .First(r => r.Input("direction").AsString() == "INGRESS")
                .WithInput("source", PropertyValue.Of("0.0.0.0/0")).WithInput("sourceType", PropertyValue.Of("CIDR_BLOCK"));
            return (g.Replace(rule), "ENC-NET-005", rule.Urn);
        }),
        new("the database no longer protected", g =>
        {
            var db = g.First("oci:Database/autonomousDatabase:AutonomousDatabase") with { Protect = false };
            return (g.Replace(db), "ENC-GOV-001", db.Urn);
        }),
        new("a provider deploying to Frankfurt", g =>
        {
            // The program moves the provider, and with it every resource it deploys (the offline run records each
            // resource's region, as a preview's provider references imply it).
            var provider = g.First("pulumi:providers:oci").WithInput("region", PropertyValue.Of("eu-frankfurt-1")) with { Region = "eu-frankfurt-1" };
            var moved = g.Resources.Where(n => n.Provider?.StartsWith(provider.Urn + "::", StringComparison.Ordinal) == true);
            return (moved.Aggregate(g.Replace(provider), (graph, n) => graph.Replace(n with { Region = "eu-frankfurt-1" })), "ENC-REG-001", provider.Urn);
        }),
        new("a policy granting a parent-company group", g =>
        {
            var policy = g.First("oci:Identity/policy:Policy");
            var statements = policy.Input("statements").AsList().Add(PropertyValue.Of("Allow group ParentCo-DataPlatform to read all-resources in tenancy"));
            policy = policy.WithInput("statements", new ListValue(statements));
            return (g.Replace(policy), "ENC-IAM-003", policy.Urn);
        }),
        new("policy statements passed as a secret", g =>
        {
            // What no rule can read must not pass: the engine sends the plaintext, the pack never looks at it.
            var policy = g.First("oci:Identity/policy:Policy").WithInput("statements", PropertyValue.Secret);
            return (g.Replace(policy), "ENC-GOV-006", policy.Urn);
        }),
    ];

    public static TheoryData<Variant> Variants() => [.. All];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Change_is_blocked_with_the_rule_and_resource_and_judged_as_enclave_check_judges_it(Variant variant)
    {
        var (prod, config) = await Stacks.PreviewAsync("prod");
        var (graph, rule, urn) = variant.Apply(prod);

        // The preview (where `pulumi up` stops before any change), judged as `enclave check --preview-json` judges a
        // preview; then the update's own stack analysis, where every value is known, judged as a committed plan is.
        foreach (var (dryRun, check) in new[]
                 {
                     (true, await StackVerdicts.EnclaveCheckPreviewAsync(graph, config.Values)),
                     (false, await StackVerdicts.EnclaveCheckAsync(graph)),
                 })
        {
            await using var pack = await PackProcess.StartAsync();
            var result = await EngineConversation.PreviewAsync(pack, graph, config, dryRun: dryRun);

            var blocking = result.Diagnostics.Where(d => d.EnforcementLevel == EnforcementLevel.Mandatory).ToList();
            Assert.Contains(blocking, d => d.PolicyName == rule && d.Urn == urn && d.PolicyPackName == "enclave-isolation" && d.Message.Length > 0);
            Assert.Empty(result.Verdicts.DifferencesFrom(check, dryRun ? "the pack (preview)" : "the pack (update)", "enclave check"));
            Assert.Contains(check.Blocking, v => v.Rule == rule && v.Urn == urn);
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains(EngineValues.SecretPlaintext, StringComparison.Ordinal));
        }
    }
}
