using Google.Protobuf.WellKnownTypes;
using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Utilities;
using Pulumirpc;

namespace Pulumi.Sdk.Tests.SubsetOnly;

/// <summary>
/// What a resource method call (Deployment.Instance.Call) and the feature questions send the engine, checked
/// against the official SDK's Deployment_Call.cs / Deployment_RegisterResource.cs / Deployment_Prepare.cs.
/// Subset only (SubsetOnly/ is not compiled under -p:UseOfficialPulumiSdk=true): it reads the subset's transport seam.
/// </summary>
public sealed class SubsetOnlyCallWireTests
{
    private const string SigKey = "4dabf18193072939515e22adb298388d";
    private const string OutputValueSig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    private const string ResourceSig = "5cf8f73096256a8f31e491e813e4eb8e";
    private const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string MethodToken = "testoci:Core/vcn:Vcn/describe";
    private const string ReturnedUrn = "urn:pulumi:stack::project::testoci:Core/other:Other::returned";

    private sealed class DescribeArgs : CallArgs
    {
        [Input("label")]
        public Input<string>? Label { get; set; }

        [Input("note")]
        public Input<string>? Note { get; set; }
    }

    [OutputType]
    private sealed class DescribeResult
    {
        public readonly string Summary;

        [OutputConstructor]
        private DescribeResult(string summary)
        {
            Summary = summary;
        }
    }

    private static CallResponse Answer()
    {
        var answer = new CallResponse { Return = new Struct { Fields = { ["summary"] = Value.ForString("ok") } } };
        var dependencies = new CallResponse.Types.ReturnDependencies();
        dependencies.Urns.Add(ReturnedUrn);
        answer.ReturnDependencies["summary"] = dependencies;
        return answer;
    }

    [Fact]
    public async Task A_method_call_is_sent_to_its_resources_provider_and_version_with_output_values_and_argument_dependencies()
    {
        const string url = "https://plugins.example.invalid/testoci";
        FakeProvider? provider = null;
        FakeVcn? source = null, target = null;
        Output<DescribeResult>? result = null;
        var (monitor, exitCode, errors) = await SubsetOnlyWireTests.RunRecordedAsync(() =>
        {
            provider = new FakeProvider("explicit");
            source = new FakeVcn("source", new FakeVcnArgs { CompartmentId = "c", DisplayName = "from-source" });
            target = new FakeVcn("target", new FakeVcnArgs { CompartmentId = "c" },
                new CustomResourceOptions { Provider = provider, Version = "1.2.3", PluginDownloadURL = url });
            result = Deployment.Instance.Call<DescribeResult>(MethodToken,
                new DescribeArgs { Label = source.DisplayName, Note = Output.CreateSecret("hush") }, target);
        }, preview: false, setUp: m =>
        {
            m.Features["outputValues"] = true;
            m.CallAnswer = Answer();
        });
        Assert.True(exitCode == 0, string.Join("\n", errors));

        var request = Assert.Single(monitor.Calls);
        var sourceUrn = await OutputUtilities.GetValueAsync(source!.Urn);
        var targetUrn = await OutputUtilities.GetValueAsync(target!.Urn);
        var providerRef = $"{await OutputUtilities.GetValueAsync(provider!.Urn)}::{await OutputUtilities.GetValueAsync(provider.Id)}";
        Assert.Equal(MethodToken, request.Tok);
        // The resource's own provider, version and plugin URL (Deployment_Call.cs: self._provider/_version/_pluginDownloadURL).
        Assert.Equal(providerRef, request.Provider);
        Assert.Equal("1.2.3", request.Version);
        Assert.Equal(url, request.PluginDownloadURL);

        var self = request.Args.Fields["__self__"].StructValue.Fields;
        Assert.Equal(ResourceSig, self[SigKey].StringValue);
        Assert.Equal(targetUrn, self["urn"].StringValue);

        // Outputs travel as output values when the monitor supports them.
        var label = request.Args.Fields["label"].StructValue.Fields;
        Assert.Equal(OutputValueSig, label[SigKey].StringValue);
        Assert.Equal("from-source", label["value"].StringValue);
        Assert.Equal([sourceUrn], label["dependencies"].ListValue.Values.Select(v => v.StringValue));
        var note = request.Args.Fields["note"].StructValue.Fields;
        Assert.Equal(OutputValueSig, note[SigKey].StringValue);
        Assert.Equal("hush", note["value"].StringValue);
        Assert.True(note["secret"].BoolValue);
        Assert.False(note.ContainsKey("dependencies"));

        // Every argument sent gets its dependency list (the resource itself for __self__).
        Assert.Equal([sourceUrn], request.ArgDependencies["label"].Urns);
        Assert.Equal([targetUrn], request.ArgDependencies["__self__"].Urns);
        Assert.Empty(request.ArgDependencies["note"].Urns);

        // The result's flags and dependencies come from the response alone, not from the arguments.
        Assert.Equal("ok", (await OutputUtilities.GetValueAsync(result!)).Summary);
        Assert.False(await Output.IsSecretAsync(result!));
        var dependencies = await OutputUtilities.GetDependenciesAsync(result!);
        var dependencyUrns = await Task.WhenAll(dependencies.Select(d => OutputUtilities.GetValueAsync(d.Urn)));
        Assert.Equal([ReturnedUrn], dependencyUrns);
    }

    [Fact]
    public async Task A_call_with_an_unknown_argument_is_still_made()
    {
        foreach (var outputValues in new[] { true, false })
        {
            FakeVcn? vcn = null;
            var (monitor, exitCode, errors) = await SubsetOnlyWireTests.RunRecordedAsync(() =>
            {
                vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" });
                _ = Deployment.Instance.Call<DescribeResult>(MethodToken, new DescribeArgs { Label = vcn.VcnDomainName }, vcn);
            }, preview: true, setUp: m =>
            {
                m.Features["outputValues"] = outputValues;
                m.CallAnswer = Answer();
            });
            Assert.True(exitCode == 0, string.Join("\n", errors));

            // The provider decides what an unknown argument means; the official SDK never short-circuits a call.
            var label = Assert.Single(monitor.Calls).Args.Fields["label"];
            if (outputValues)
            {
                Assert.Equal(OutputValueSig, label.StructValue.Fields[SigKey].StringValue);
                Assert.False(label.StructValue.Fields.ContainsKey("value"));
                Assert.Equal([await OutputUtilities.GetValueAsync(vcn!.Urn)],
                    label.StructValue.Fields["dependencies"].ListValue.Values.Select(v => v.StringValue));
            }
            else
            {
                Assert.Equal(UnknownSentinel, label.StringValue);
            }
        }
    }

    [Fact]
    public async Task A_call_without_a_resource_uses_the_options_and_the_void_form_is_sent_too()
    {
        FakeProvider? provider = null;
        Output<DescribeResult>? result = null;
        var (monitor, exitCode, errors) = await SubsetOnlyWireTests.RunRecordedAsync(() =>
        {
            provider = new FakeProvider("explicit");
            result = Deployment.Instance.Call<DescribeResult>("testoci:index:describe", CallArgs.Empty, null,
                new CallOptions { Provider = provider, Version = "2.0.0", PluginDownloadURL = "https://example.invalid" });
            Deployment.Instance.Call("testoci:index:touch", CallArgs.Empty);
        }, preview: false, setUp: m => m.CallAnswer = Answer());
        Assert.True(exitCode == 0, string.Join("\n", errors));

        var described = monitor.Calls.Single(c => c.Tok == "testoci:index:describe");
        Assert.Equal($"{await OutputUtilities.GetValueAsync(provider!.Urn)}::{await OutputUtilities.GetValueAsync(provider.Id)}", described.Provider);
        Assert.Equal("2.0.0", described.Version);
        Assert.Equal("https://example.invalid", described.PluginDownloadURL);
        Assert.Empty(described.Args.Fields);

        var touched = monitor.Calls.Single(c => c.Tok == "testoci:index:touch");
        Assert.Equal("", touched.Provider);
        Assert.Equal("", touched.Version);
    }

    [Fact]
    public async Task Registrations_ask_for_alias_specs_and_deleted_with_only_when_used_and_refuse_an_engine_without_it()
    {
        var (plain, exitCode, errors) = await SubsetOnlyWireTests.RunRecordedAsync(
            () => _ = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" }), preview: false);
        Assert.True(exitCode == 0, string.Join("\n", errors));
        // As Deployment_Prepare.cs: every registration asks for resource references and alias specs; output values
        // are asked for only by calls and remote components.
        Assert.Contains("resourceReferences", plain.FeaturesAsked);
        Assert.Contains("aliasSpecs", plain.FeaturesAsked);
        Assert.DoesNotContain("deletedWith", plain.FeaturesAsked);
        Assert.DoesNotContain("outputValues", plain.FeaturesAsked);

        var (refused, refusedExit, refusedErrors) = await SubsetOnlyWireTests.RunRecordedAsync(() =>
        {
            var vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" });
            _ = new FakeSubnet("s", new FakeSubnetArgs { CompartmentId = "c", CidrBlock = "10.0.0.0/24", VcnId = vcn.Id },
                new CustomResourceOptions { DeletedWith = vcn });
        }, preview: false, setUp: m => m.Features["deletedWith"] = false);
        Assert.Contains("deletedWith", refused.FeaturesAsked);
        Assert.NotEqual(0, refusedExit);
        Assert.Contains(refusedErrors, e => e.Contains("does not support the DeletedWith option", StringComparison.Ordinal));
        Assert.DoesNotContain(refused.Registrations, r => r.Name == "s");
    }
}
