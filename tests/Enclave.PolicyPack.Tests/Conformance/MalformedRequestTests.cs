using Enclave.Policy.Loaders;
using Enclave.PolicyPack.Protocol;
using Enclave.PolicyPack.Tests.EngineSide;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Enclave.PolicyPack.Tests.Conformance;

/// <summary>
/// Requests the pack cannot judge get one clear gRPC error each (the code, and one line naming the field and what is
/// valid), never a stack trace, and the pack keeps serving the next call.
/// </summary>
public sealed class MalformedRequestTests(PackFixture fixture) : IClassFixture<PackFixture>
{
    private PackProcess Pack => fixture.Pack;

    [Fact]
    public async Task Analysis_before_the_stack_is_known_is_refused_not_guessed()
    {
        await using var fresh = await PackProcess.StartAsync();
        var (graph, config) = await Stacks.PreviewAsync("dev");
        var requests = new EngineRequests(graph, config);

        var e = await Assert.ThrowsAsync<RpcException>(async () => await fresh.Client.AnalyzeStackAsync(requests.AnalyzeStack()));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("ConfigureStack", e.Status.Detail);
        await StillServes(fresh);
    }

    [Fact]
    public async Task Invalid_stack_config_is_refused_naming_the_key()
    {
        var (_, config) = await Stacks.PreviewAsync("prod");
        var request = new EngineRequests((await Stacks.PreviewAsync("prod")).Graph, config).ConfigureStack();
        request.Config["us-data-enclave:gatekeeperCidrs"] = "[\"0.0.0.0/0\"]";

        await AssertRefused(() => Pack.Client.ConfigureStackAsync(request).ResponseAsync, StatusCode.InvalidArgument, "gatekeeperCidrs");
        await AssertRefused(() => Pack.Client.ConfigureStackAsync(new AnalyzerStackConfigureRequest()).ResponseAsync,
            StatusCode.InvalidArgument, "no stack");
    }

    public static TheoryData<string, string> BadStacks() => new()
    {
        { "not a urn", "is not a Pulumi URN" },
        { "another stack", "belongs to stack" },
        { "repeated urn", "repeats resources[0].urn" },
        { "type of another urn", "is not the type of its urn" },
        { "reference without a urn", "resource reference without a urn" },
        { "infinite number", "not finite" },
    };

    [Theory]
    [MemberData(nameof(BadStacks))]
    public async Task Malformed_stack_analysis_is_refused_naming_the_field(string defect, string message)
    {
        var (graph, config) = await Stacks.PreviewAsync("prod");
        var requests = new EngineRequests(graph, config);
        await Pack.Client.ConfigureStackAsync(requests.ConfigureStack());
        var request = requests.AnalyzeStack();
        var first = request.Resources[0];
        switch (defect)
        {
            case "not a urn": first.Urn = "prod::bucket"; break;
            case "another stack": first.Urn = first.Urn.Replace("urn:pulumi:prod::", "urn:pulumi:parentco::"); break;
            case "repeated urn": request.Resources.Add(first.Clone()); break;
            case "type of another urn": first.Type = "oci:Sneaky/other:Type"; break;
            case "reference without a urn":
                first.Properties.Fields["sneaky"] = Value.ForStruct(new Struct
                {
                    Fields = { [PulumiValues.SignatureKey] = Value.ForString(PulumiValues.ResourceReferenceSignature) },
                });
                break;
            case "infinite number": first.Properties.Fields["sneaky"] = Value.ForNumber(double.PositiveInfinity); break;
        }

        var e = await AssertRefused(() => Pack.Client.AnalyzeStackAsync(request).ResponseAsync, StatusCode.InvalidArgument, message);
        Assert.StartsWith("resources[", e.Status.Detail);
    }

    [Fact]
    public async Task Bytes_that_are_no_request_and_values_nested_past_any_limit_fail_the_call_not_the_pack()
    {
        var raw = new Method<byte[], byte[]>(MethodType.Unary, "pulumirpc.Analyzer", "AnalyzeStack",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        await Assert.ThrowsAsync<RpcException>(async () =>
            await Pack.Invoker.AsyncUnaryCall(raw, null, new CallOptions(), [0xff, 0xff, 0xff, 0x0f, 0x12, 0x80]));

        var deep = Value.ForString("bottom");
        for (var i = 0; i < 300; i++) deep = Value.ForList(deep);
        var (graph, config) = await Stacks.PreviewAsync("prod");
        var requests = new EngineRequests(graph, config);
        var request = requests.AnalyzeStack();
        request.Resources[0].Properties.Fields["deep"] = deep;
        await Assert.ThrowsAsync<RpcException>(async () => await Pack.Client.AnalyzeStackAsync(request));

        await StillServes(Pack);
    }

    public static TheoryData<string, EnforcementLevel, string?, string> BadPolicyConfigs() => new()
    {
        { "ENC-NOPE-001", EnforcementLevel.Mandatory, null, "not a policy" },
        { "ENC-NET-002", EnforcementLevel.Advisory, null, "would relax a mandatory" },
        { "ENC-NET-002", EnforcementLevel.Disabled, null, "would relax a mandatory" },
        { "ENC-DB-005", EnforcementLevel.Remediate, null, "remediate is not supported" },
        { "ENC-KMS-001", EnforcementLevel.Mandatory, "maxRotationDays=400", "would loosen the rule" },
        { "ENC-KMS-001", EnforcementLevel.Mandatory, "maxRotationDays=0", "below 1" },
        { "ENC-KMS-001", EnforcementLevel.Mandatory, "rotateNever=1", "unknown setting" },
    };

    [Theory]
    [MemberData(nameof(BadPolicyConfigs))]
    public async Task Policy_config_that_would_loosen_the_gate_is_refused(string policy, EnforcementLevel level, string? setting, string message)
    {
        var config = new PolicyConfig { EnforcementLevel = level, Properties = new Struct() };
        if (setting?.Split('=') is [var key, var value]) config.Properties.Fields[key] = Value.ForNumber(double.Parse(value));
        var request = new ConfigureAnalyzerRequest { PolicyConfig = { [policy] = config } };

        var e = await AssertRefused(() => Pack.Client.ConfigureAsync(request).ResponseAsync, StatusCode.InvalidArgument, message);

        Assert.Contains(policy, e.Status.Detail);
        // Refused means not applied: the policy keeps the catalogue's level.
        var info = await Pack.Client.GetAnalyzerInfoAsync(new Empty());
        if (info.Policies.SingleOrDefault(p => p.Name == policy) is { } shown)
            Assert.Equal(policy == "ENC-DB-005" ? EnforcementLevel.Advisory : EnforcementLevel.Mandatory, shown.EnforcementLevel);
    }

    private static async Task<RpcException> AssertRefused(Func<Task> call, StatusCode code, string message)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, e.StatusCode);
        Assert.Contains(message, e.Status.Detail);
        Assert.DoesNotContain("\n", e.Status.Detail);
        Assert.DoesNotContain(" at Enclave.", e.Status.Detail);
        return e;
    }

    private static async Task StillServes(PackProcess pack)
    {
        Assert.False(pack.HasExited);
        Assert.NotEmpty((await pack.Client.GetPluginInfoAsync(new Empty())).Version);
    }
}
