using CsCheck;
using Enclave.Offline.Stacks;
using Enclave.Policy.Reports;
using Enclave.Policy.Rules;
using Enclave.PolicyPack.Mapping;
using Enclave.PolicyPack.Policies;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Session;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// The policy pack's readers (issue 12.9): what `pulumi preview --policy-pack` sends it. <c>Configure</c> carries
/// <c>--policy-pack-config</c>, a JSON file of the repository (rule names, enforcement levels, settings, the waiver
/// file); <c>ConfigureStack</c> the stack config; <c>Analyze</c> and <c>AnalyzeStack</c> each resource's URN, type,
/// options and properties as protobuf Structs (a program's values, which a stack config steers). Documented outcomes:
/// <see cref="PolicyConfigException"/>, <see cref="StackSettingsException"/>, <see cref="MalformedRequestException"/>
/// (gRPC InvalidArgument) and the access budget's <see cref="AccessBudgetException"/>; anything else is the pack's
/// "internal error" and fails the sample.
/// </summary>
[Trait("Category", "Fuzz")]
public class PolicyPackFuzzTests
{
    private static readonly string[] RuleIds = [.. RuleCatalogue.All.Select(r => r.Info.Id)];
    private static readonly Lazy<AnalyzerStackConfigureRequest> DevStack = new(() =>
    {
        var config = StackConfigFile.Parse(ProjectFile.Parse(Corpus.Text("Pulumi.yaml"), Corpus.Root), "dev",
            Corpus.Text("stacks/Pulumi.dev.yaml"));
        var request = new AnalyzerStackConfigureRequest { Stack = "dev", Project = "us-data-enclave", DryRun = true };
        request.Config.Add(config.Values);
        request.ConfigSecretKeys.Add(config.SecretKeys);
        return request;
    });

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOfConst("", "all", "waivers", "maxRotationDays", "maxSessionSeconds", "enforcementLevel", "0.0.0.0/0",
            "10.0.0.0/8", "TCP", "6", "all-services", "Allow group usde-dev-gatekeepers to manage all-resources in tenancy",
            "Allow any-user to read buckets in tenancy where target.bucket.name = 'x'", "\u001b[31m", "\u202e", "\ud800", "\n",
            "ocid1.compartment.oc1..aaaaaaaaexample", "us-ashburn-1", "eu-frankfurt-1", "1e400", "NaN", "/dev/zero", "-",
            "{\"eventType\":[\"com.oraclecloud.objectstorage.createbucket\"]}", "data.eventName = 'CreateBucket'"),
        Gen.String[Gen.Char.AlphaNumeric, 0, 12],
        Gen.String[0, 40]);

    private static readonly Gen<Value> Values = Gen.Recursive<Value>((depth, inner) => Gen.Frequency(
        (4, Text.Select(Value.ForString)),
        (2, Gen.OneOfConst(0.0, -0.0, 1, 2.5, 22, 65535, 65536, -1, 1e308, double.NaN, double.PositiveInfinity, 9007199254740993)
            .Select(Value.ForNumber)),
        (1, Gen.Bool.Select(Value.ForBool)),
        (1, Gen.Const(0).Select(_ => Value.ForNull())),
        (depth >= 4 ? 0 : 2, inner.Array[0, 4].Select(items => Value.ForList(items))),
        (depth >= 4 ? 0 : 2, Structs(inner).Select(Value.ForStruct))));

    private static Gen<Struct> Structs(Gen<Value> values) =>
        Gen.Select(Gen.OneOf(Text, Gen.OneOfConst("statements", "ingressSecurityRules", "egressSecurityRules", "source",
            "destination", "cidrBlock", "protocol", "tcpOptions", "min", "max", "condition", "accessType", "compartmentId",
            "region", "routeRules", "networkEntityId", "isEnabled", "actions", "4dabf18193072939515e22adb298388d", "value")), values)
            .Array[0, 5].Select(fields =>
            {
                var s = new Struct();
                foreach (var (key, value) in fields) s.Fields[key] = value;
                return s;
            });

    private static readonly Gen<string> Types = Gen.OneOf(Gen.OneOfConst("oci:Core/subnet:Subnet", "oci:Core/securityList:SecurityList",
        "oci:Identity/policy:Policy", "oci:ObjectStorage/bucket:Bucket", "oci:Events/rule:Rule", "oci:Core/routeTable:RouteTable",
        "oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "oci:Identity/compartment:Compartment",
        "pulumi:providers:oci", "pulumi:pulumi:Stack", "oci:Kms/key:Key"), Text);

    private static readonly Gen<(string Urn, string Type, string Name)> Resources = Gen.Select(Types, Text, Gen.Int[0, 5], (type, name, shape) =>
        shape switch
        {
            0 => ($"urn:pulumi:dev::us-data-enclave::{type}::{name}", type, name),
            1 => ($"urn:pulumi:dev::us-data-enclave::pulumi:pulumi:Stack${type}::{name}", type, name),
            2 => ($"urn:pulumi:prod::us-data-enclave::{type}::{name}", type, name),
            3 => ($"urn:pulumi:dev::us-data-enclave::{type}::{name}::extra", type, name),
            4 => (name, type, name),
            _ => ($"urn:pulumi:dev::other::{type}::{name}", "oci:Core/vcn:Vcn", name),
        });

    private static readonly Gen<AnalyzeRequest> Requests = Gen.Select(Resources, Structs(Values), Gen.Int[0, 3], Text, Gen.Bool,
        (resource, properties, extra, parent, protect) =>
        {
            var request = new AnalyzeRequest { Urn = resource.Urn, Type = resource.Type, Name = resource.Name, Properties = properties };
            if (extra >= 1) request.Options = new AnalyzerResourceOptions { Parent = parent, Protect = protect };
            if (extra >= 2)
                request.Provider = new AnalyzerProviderResource
                {
                    Type = "pulumi:providers:oci", Urn = "urn:pulumi:dev::us-data-enclave::pulumi:providers:oci::default",
                    Name = "default", Properties = properties,
                };
            return request;
        });

    [Fact]
    public void Policy_pack_configs_configure_the_pack_or_are_refused() =>
        Fuzz.Run(Gen.Select(Gen.OneOf(Gen.OneOfConst(RuleIds), Text), Gen.Int[-1, 5], Structs(Values)).Array[0, 4], 600, entries =>
            Fuzz.Expect<PolicyConfigException>(() =>
            {
                var request = new ConfigureAnalyzerRequest();
                foreach (var (name, level, properties) in entries)
                    request.PolicyConfig[name] = new PolicyConfig { EnforcementLevel = (EnforcementLevel)level, Properties = properties };
                var session = new PackSession();
                session.Configure(request);
                Assert.NotNull(session.Info());
            }), entries => string.Join("; ", entries.Select(e => $"{e.Item1}={e.Item2} {e.Item3}")));

    [Fact]
    public void Stack_configs_sent_by_the_engine_configure_the_stack_or_are_refused() =>
        Fuzz.Run(Gen.Select(Gen.OneOfConst([.. DevStack.Value.Config.Keys]), Values), 400, change =>
            Fuzz.Expect<StackSettingsException>(() =>
            {
                var request = DevStack.Value.Clone();
                request.Config[change.Item1] = EngineText(change.Item2);
                new PackSession().ConfigureStack(request);
            }), change => $"{change.Item1} = {change.Item2}");

    /// <summary>A config value as the engine sends it: strings as they are, objects and lists as JSON text.</summary>
    private static string EngineText(Value value)
    {
        if (value.KindCase == Value.KindOneofCase.StringValue) return value.StringValue;
        // protobuf's formatter refuses what JSON cannot hold (NaN, a lone surrogate); the engine never sends it as text.
        try { return Google.Protobuf.JsonFormatter.Default.Format(value); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return "[\"unformattable\"]"; }
    }

    [Fact]
    public void Analyze_requests_are_judged_or_refused_as_malformed() =>
        Fuzz.Run(Requests, 600, request => Fuzz.Expect<MalformedRequestException, AccessBudgetException>(() =>
        {
            var session = new PackSession();
            session.ConfigureStack(DevStack.Value);
            Assert.NotNull(session.Analyze(request));
        }), request => request.ToString());

    [Fact]
    public void Analyze_stack_requests_are_judged_or_refused_as_malformed() =>
        Fuzz.Run(Requests.Array[1, 6], 300, requests => Fuzz.Expect<MalformedRequestException, AccessBudgetException>(() =>
        {
            var session = new PackSession();
            session.ConfigureStack(DevStack.Value);
            var stack = new AnalyzeStackRequest();
            foreach (var r in requests)
                stack.Resources.Add(new AnalyzerResource
                {
                    Urn = r.Urn, Type = r.Type, Name = r.Name, Properties = r.Properties, Options = r.Options,
                    Parent = r.Options?.Parent ?? "", Provider = r.Provider,
                });
            Assert.NotNull(session.AnalyzeStack(stack));
        }), requests => string.Join("; ", requests.Select(r => r.ToString())));
}
