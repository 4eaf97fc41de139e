using System.Collections.Concurrent;
using System.Collections.Immutable;
using Google.Protobuf.WellKnownTypes;
using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;
using Pulumirpc;

namespace Pulumi.Sdk.Tests.SubsetOnly;

/// <summary>
/// What the deployment core sends to the monitor (the same messages the gRPC transport will send to the
/// engine): encodings of secrets, unknowns and resource references, parents, protect, dependencies.
/// Subset only (SubsetOnly/ is not compiled under -p:UseOfficialPulumiSdk=true): it reads the subset's internal
/// transport seam, which the official SDK does not have.
/// </summary>
public sealed class SubsetOnlyWireTests
{
    private const string UnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string SigKey = "4dabf18193072939515e22adb298388d";

    /// <summary>Forwards to the mock monitor and records the requests.</summary>
    internal sealed class RecordingMonitor(IMonitor inner) : IMonitor
    {
        public ConcurrentBag<RegisterResourceRequest> Registrations { get; } = new();
        public ConcurrentBag<ResourceInvokeRequest> Invokes { get; } = new();
        public ConcurrentBag<ResourceCallRequest> Calls { get; } = new();
        public ConcurrentQueue<string> FeaturesAsked { get; } = new();

        /// <summary>Per feature id: the answer to give instead of the mock monitor's.</summary>
        public Dictionary<string, bool> Features { get; } = new();

        /// <summary>When set, calls are answered with this instead of going to the mocks.</summary>
        public CallResponse? CallAnswer { get; set; }

        public Task<SupportsFeatureResponse> SupportsFeatureAsync(SupportsFeatureRequest request)
        {
            FeaturesAsked.Enqueue(request.Id);
            return Features.TryGetValue(request.Id, out var answer)
                ? Task.FromResult(new SupportsFeatureResponse { HasSupport = answer })
                : inner.SupportsFeatureAsync(request);
        }

        public Task<RegisterResourceResponse> RegisterResourceAsync(Resource resource, RegisterResourceRequest request)
        {
            Registrations.Add(request.Clone());
            return inner.RegisterResourceAsync(resource, request);
        }

        public ConcurrentBag<ReadResourceRequest> Reads { get; } = new();

        public Task<ReadResourceResponse> ReadResourceAsync(Resource resource, ReadResourceRequest request)
        {
            Reads.Add(request.Clone());
            return inner.ReadResourceAsync(resource, request);
        }

        public Task RegisterResourceOutputsAsync(RegisterResourceOutputsRequest request) => inner.RegisterResourceOutputsAsync(request);

        public Task<InvokeResponse> InvokeAsync(ResourceInvokeRequest request)
        {
            Invokes.Add(request.Clone());
            return inner.InvokeAsync(request);
        }

        public Task<CallResponse> CallAsync(ResourceCallRequest request)
        {
            Calls.Add(request.Clone());
            return CallAnswer is { } answer ? Task.FromResult(answer) : inner.CallAsync(request);
        }

        public Task SignalAndWaitForShutdownAsync() => inner.SignalAndWaitForShutdownAsync();

        public RegisterResourceRequest Single(string name) => Registrations.Single(r => r.Name == name);
    }

    private static async Task<RecordingMonitor> RunAsync(Action program, bool preview, RecordingMocks? mocks = null)
    {
        var (monitor, exitCode, errors) = await RunRecordedAsync(program, preview, mocks);
        Assert.True(exitCode == 0, string.Join("\n", errors));
        return monitor;
    }

    /// <summary>Runs <paramref name="program"/> against the recording monitor; <paramref name="setUp"/> may change its answers first.</summary>
    internal static async Task<(RecordingMonitor Monitor, int ExitCode, IReadOnlyList<string> Errors)> RunRecordedAsync(
        Action program, bool preview, RecordingMocks? mocks = null, Action<RecordingMonitor>? setUp = null)
    {
        mocks ??= new RecordingMocks();
        mocks.ExtraState.TryAdd(FakeTokens.Password, _ => ImmutableDictionary<string, object>.Empty.Add("result", "pw"));
        var settings = new DeploymentSettings("project", "stack", "organization", null, preview, DeploymentConfig.FromEnvironment());
        var monitor = new RecordingMonitor(new MockMonitor(mocks.Object, settings));
        setUp?.Invoke(monitor);
        var engine = new MockEngine();
        var deployment = new Deployment(settings, engine, monitor);
        var exitCode = await Deployment.RunInContextAsync(deployment,
            runner => runner.RunStackAsync(() => new TestStack(() =>
            {
                program();
                return Task.FromResult<IDictionary<string, object?>>(ImmutableDictionary<string, object?>.Empty);
            }), registerPropertyOutputs: false));
        return (monitor, exitCode, engine.Errors.ToList());
    }

    [Fact]
    public async Task Requests_carry_type_name_parent_custom_version_and_protocol_flags()
    {
        var monitor = await RunAsync(() => _ = new FakeNetwork("net"), preview: false);

        var stack = monitor.Registrations.Single(r => r.Type == "pulumi:pulumi:Stack");
        Assert.Equal("project-stack", stack.Name);
        Assert.Equal("", stack.Parent);
        Assert.False(stack.Custom);

        var component = monitor.Single("net");
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack", component.Parent);
        Assert.False(component.Custom);

        var vcn = monitor.Single("net-vcn");
        Assert.Equal(FakeTokens.Vcn, vcn.Type);
        Assert.True(vcn.Custom);
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$enclave:network:Network::net", vcn.Parent);
        Assert.Equal(FakeTokens.Version, vcn.Version);
        Assert.True(vcn.AcceptSecrets);
        Assert.True(vcn.AcceptResources);
        Assert.True(vcn.SupportsResultReporting);
        // The official SDK sends an empty hooks binding on every registration.
        Assert.All(monitor.Registrations, r => Assert.True(r.Hooks is { BeforeCreate.Count: 0, AfterDelete.Count: 0 }, r.Name));
        Assert.True(vcn.Protect is false && vcn.HasProtect, "copied from its unprotected parent");
    }

    [Fact]
    public async Task Protect_is_sent_when_set_and_copied_from_an_explicit_parent_when_unset()
    {
        var monitor = await RunAsync(() =>
        {
            var parent = new ComponentResource("enclave:x:Group", "protected-group", new ComponentResourceOptions { Protect = true });
            _ = new FakePassword("inherits", new FakePasswordArgs { Length = 4 }, new CustomResourceOptions { Parent = parent });
            _ = new FakePassword("overrides", new FakePasswordArgs { Length = 4 }, new CustomResourceOptions { Parent = parent, Protect = false });
            var plain = new ComponentResource("enclave:x:Group", "plain-group");
            _ = new FakePassword("child-of-plain", new FakePasswordArgs { Length = 4 }, new CustomResourceOptions { Parent = plain });
            _ = new FakePassword("unparented", new FakePasswordArgs { Length = 4 });
        }, preview: false);

        Assert.True(monitor.Single("protected-group") is { HasProtect: true, Protect: true });
        // As the official SDK: an unset protect is copied from the explicit parent, true or false.
        Assert.True(monitor.Single("inherits") is { HasProtect: true, Protect: true });
        Assert.True(monitor.Single("overrides") is { HasProtect: true, Protect: false });
        Assert.True(monitor.Single("child-of-plain") is { HasProtect: true, Protect: false });
        // No explicit parent (the stack by default): nothing to copy, sent unset.
        Assert.False(monitor.Single("plain-group").HasProtect);
        Assert.False(monitor.Single("unparented").HasProtect);
    }

    [Fact]
    public async Task DependsOn_contributes_the_listed_resources_not_what_the_output_listing_them_depends_on()
    {
        var monitor = await RunAsync(() =>
        {
            var vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" });
            var other = new FakeVcn("o", new FakeVcnArgs { CompartmentId = "c" });
            _ = new FakePassword("p", new FakePasswordArgs { Length = 4 },
                new CustomResourceOptions { DependsOn = { vcn.Id.Apply(_ => (Resource)other) } });
        }, preview: false);

        Assert.Equal(["urn:pulumi:stack::project::pulumi:pulumi:Stack$testoci:Core/vcn:Vcn::o"], monitor.Single("p").Dependencies);
    }

    [Fact]
    public async Task Reads_carry_no_plugin_download_url_and_registrations_do()
    {
        const string url = "https://plugins.example.invalid/testrandom";
        var monitor = await RunAsync(() =>
        {
            // What a generated Get does: the Id option makes it a read.
            _ = new CustomResource(FakeTokens.Password, "read", new FakePasswordArgs { Length = 4 }, new CustomResourceOptions
            {
                Id = "existing-id",
                Version = FakeTokens.Version,
                PluginDownloadURL = url,
                AdditionalSecretOutputs = { "result" },
            });
            _ = new FakePassword("registered", new FakePasswordArgs { Length = 4 }, new CustomResourceOptions { PluginDownloadURL = url });
        }, preview: false);

        var read = Assert.Single(monitor.Reads);
        Assert.Equal("existing-id", read.Id);
        Assert.Equal(FakeTokens.Version, read.Version);
        Assert.True(read.AcceptSecrets && read.AcceptResources);
        // The official SDK leaves pluginDownloadURL out of ReadResource; additionalSecretOutputs is our documented
        // difference (sent, so a read secret output stays secret).
        Assert.Equal("", read.PluginDownloadURL);
        Assert.Equal(["result"], read.AdditionalSecretOutputs);
        Assert.Equal(url, monitor.Single("registered").PluginDownloadURL);
    }

    [Fact]
    public async Task Invokes_accept_resources_unless_resource_references_are_disabled()
    {
        var enabled = await RunAsync(() => _ = FakeGetServices.Invoke(), preview: false);
        Assert.True(Assert.Single(enabled.Invokes).AcceptResources);

        using var disableReferences = new EnvironmentScope(("PULUMI_DISABLE_RESOURCE_REFERENCES", "1"));
        var disabled = await RunAsync(() =>
        {
            _ = FakeGetServices.Invoke();
            _ = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" });
        }, preview: false);
        // As the official SDK: from the environment, whatever the monitor supports.
        Assert.False(Assert.Single(disabled.Invokes).AcceptResources);
        Assert.False(disabled.Single("v").AcceptResources);
    }

    [Fact]
    public async Task Alias_specs_fill_the_parent_choice_as_the_official_sdk()
    {
        var monitor = await RunAsync(() =>
        {
            var vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" });
            var group = new ComponentResource("enclave:x:Group", "group");
            _ = new FakePassword("p", new FakePasswordArgs { Length = 4 }, new CustomResourceOptions
            {
                Aliases =
                {
                    new Alias { Name = "renamed" },
                    new Alias { Name = "moved", NoParent = true },
                    new Alias { Name = "was-child", Parent = group },
                    // Unknown in a preview: no parent URN is sent rather than an empty one.
                    new Alias { Name = "unknown-parent", ParentUrn = vcn.VcnDomainName },
                    new Alias { Urn = "urn:pulumi:stack::project::testrandom:index/randomPassword:RandomPassword::old" },
                },
            });
        }, preview: true);

        var aliases = monitor.Single("p").Aliases;
        Assert.Equal(5, aliases.Count);
        Assert.True(aliases[0].Spec is { Name: "renamed", ParentCase: Pulumirpc.Alias.Types.Spec.ParentOneofCase.NoParent, NoParent: false });
        Assert.True(aliases[1].Spec is { Name: "moved", ParentCase: Pulumirpc.Alias.Types.Spec.ParentOneofCase.NoParent, NoParent: true });
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$enclave:x:Group::group", aliases[2].Spec.ParentUrn);
        Assert.True(aliases[3].Spec is { Name: "unknown-parent", ParentCase: Pulumirpc.Alias.Types.Spec.ParentOneofCase.None });
        Assert.Equal("urn:pulumi:stack::project::testrandom:index/randomPassword:RandomPassword::old", aliases[4].Urn);
    }

    [Fact]
    public async Task Output_type_objects_keep_null_fields()
    {
        var mocks = new RecordingMocks();
        mocks.CallResults[FakeTokens.GetServices] = _ => ImmutableDictionary<string, object>.Empty.Add("services", ImmutableArray<object>.Empty);
        var monitor = await RunAsync(() => _ = new CustomResource("otherpkg:index:Holder", "holder",
            new DictionaryResourceArgs(ImmutableDictionary<string, object?>.Empty.Add("result", FakeGetServices.Invoke())),
            new CustomResourceOptions()), preview: false, mocks);

        var result = monitor.Single("holder").Object.Fields["result"].StructValue.Fields;
        // An [OutputType] object is sent field by field, a null field as null (the official SDK keeps it).
        Assert.Equal(Value.KindOneofCase.NullValue, result["id"].KindCase);
        Assert.Empty(result["services"].ListValue.Values);
    }

    [Fact]
    public async Task An_output_of_nothing_is_sent_as_null_so_left_out()
    {
        var monitor = await RunAsync(() => _ = new CustomResource("otherpkg:index:Holder", "holder",
            new DictionaryResourceArgs(ImmutableDictionary<string, object?>.Empty
                .Add("nothing", Output.Create(1).Apply(_ => Task.CompletedTask))
                .Add("something", "kept")),
            new CustomResourceOptions()), preview: false);

        var fields = monitor.Single("holder").Object.Fields;
        Assert.False(fields.ContainsKey("nothing"));
        Assert.Equal("kept", fields["something"].StringValue);
    }

    [Fact]
    public async Task Secrets_unknowns_and_resource_references_use_the_special_encodings()
    {
        var monitor = await RunAsync(() =>
        {
            var vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" });
            _ = new FakeSubnet("s", new FakeSubnetArgs { CompartmentId = "c", CidrBlock = "10.0.0.0/24", VcnId = vcn.Id, DnsLabel = vcn.VcnDomainName });
            _ = new FakeDatabase("db", new FakeDatabaseArgs { CompartmentId = "c", DbName = "d", AdminPassword = "plain-given" });
            _ = new CustomResource("otherpkg:index:Holder", "holder",
                new DictionaryResourceArgs(ImmutableDictionary<string, object?>.Empty.Add("target", vcn)), new CustomResourceOptions());
        }, preview: true);

        var subnet = monitor.Single("s");
        Assert.Equal(UnknownSentinel, subnet.Object.Fields["dnsLabel"].StringValue);
        Assert.Equal("v_id", subnet.Object.Fields["vcnId"].StringValue);

        var password = monitor.Single("db").Object.Fields["adminPassword"].StructValue;
        Assert.Equal("1b47061264138c4ac30d75fd1eb44270", password.Fields[SigKey].StringValue);
        Assert.Equal("plain-given", password.Fields["value"].StringValue);

        var reference = monitor.Single("holder").Object.Fields["target"].StructValue;
        Assert.Equal("5cf8f73096256a8f31e491e813e4eb8e", reference.Fields[SigKey].StringValue);
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$testoci:Core/vcn:Vcn::v", reference.Fields["urn"].StringValue);
        Assert.Equal("v_id", reference.Fields["id"].StringValue);
    }

    [Fact]
    public async Task List_and_map_elements_are_sent_one_by_one_so_an_unknown_or_secret_element_stays_an_element()
    {
        var monitor = await RunAsync(() =>
        {
            var first = new FakeVcn("first", new FakeVcnArgs { CompartmentId = "c" });
            _ = new FakeVcn("v", new FakeVcnArgs
            {
                CompartmentId = "c",
                CidrBlocks = { "10.0.0.0/16", first.VcnDomainName, Output.CreateSecret("10.1.0.0/16") },
                FreeformTags = { { "owner", "gatekeepers" }, { "domain", first.VcnDomainName } },
            });
            // A list given as an output of a whole list is sent as that output: unknown as a whole.
            _ = new FakeVcn("whole", new FakeVcnArgs
            {
                CompartmentId = "c",
                CidrBlocks = first.VcnDomainName.Apply(d => System.Collections.Immutable.ImmutableArray.Create(d)),
            });
        }, preview: true);

        var blocks = monitor.Single("v").Object.Fields["cidrBlocks"].ListValue.Values;
        Assert.Equal(3, blocks.Count);
        Assert.Equal("10.0.0.0/16", blocks[0].StringValue);
        Assert.Equal(UnknownSentinel, blocks[1].StringValue);
        Assert.Equal("1b47061264138c4ac30d75fd1eb44270", blocks[2].StructValue.Fields[SigKey].StringValue);
        Assert.Equal("10.1.0.0/16", blocks[2].StructValue.Fields["value"].StringValue);

        var tags = monitor.Single("v").Object.Fields["freeformTags"].StructValue.Fields;
        Assert.Equal("gatekeepers", tags["owner"].StringValue);
        Assert.Equal(UnknownSentinel, tags["domain"].StringValue);

        Assert.Equal(UnknownSentinel, monitor.Single("whole").Object.Fields["cidrBlocks"].StringValue);
    }

    [Fact]
    public async Task Dependencies_are_reported_per_property_and_components_expand_to_their_children()
    {
        var monitor = await RunAsync(() =>
        {
            var network = new FakeNetwork("net");
            var vcn = new FakeVcn("v", new FakeVcnArgs { CompartmentId = "c" });
            _ = new FakeSubnet("s", new FakeSubnetArgs { CompartmentId = "c", CidrBlock = "10.0.0.0/24", VcnId = vcn.Id },
                new CustomResourceOptions { DependsOn = { network } });
        }, preview: false);

        const string vcnUrn = "urn:pulumi:stack::project::pulumi:pulumi:Stack$testoci:Core/vcn:Vcn::v";
        var subnet = monitor.Single("s");
        Assert.Equal(new[] { vcnUrn }, subnet.PropertyDependencies["vcnId"].Urns);
        Assert.Empty(subnet.PropertyDependencies["cidrBlock"].Urns);
        Assert.Contains(vcnUrn, subnet.Dependencies);
        Assert.Contains("urn:pulumi:stack::project::pulumi:pulumi:Stack$testoci:Core/vcn:Vcn::net-vcn", subnet.Dependencies);
        Assert.Contains("urn:pulumi:stack::project::pulumi:pulumi:Stack$testoci:Core/subnet:Subnet::net-subnet", subnet.Dependencies);
        Assert.DoesNotContain("urn:pulumi:stack::project::pulumi:pulumi:Stack$enclave:network:Network::net", subnet.Dependencies);
    }

    [Fact]
    public async Task Additional_secret_outputs_are_requested_and_marked_secret()
    {
        FakePassword? password = null;
        var monitor = await RunAsync(() => password = new FakePassword("p", new FakePasswordArgs { Length = 4 }), preview: false);

        Assert.Equal(new[] { "result" }, monitor.Single("p").AdditionalSecretOutputs);
        Assert.True(await Output.IsSecretAsync(password!.Result));
        Assert.Equal("pw", await Pulumi.Utilities.OutputUtilities.GetValueAsync(password.Result));
    }

    [Fact]
    public async Task Required_schema_secrets_are_sent_secret_and_their_outputs_asked_to_be_secret()
    {
        var monitor = await RunAsync(() => _ = new Pulumi.Oci.Database.AutonomousDatabaseWallet("wallet",
            new Pulumi.Oci.Database.AutonomousDatabaseWalletArgs { AutonomousDatabaseId = "ocid1.autonomousdatabase.oc1..db", Password = "wallet-Pa55word" }),
            preview: false);

        var request = monitor.Single("wallet");
        Assert.Equal(["password"], request.AdditionalSecretOutputs);
        var password = request.Object.Fields["password"].StructValue;
        Assert.Equal("1b47061264138c4ac30d75fd1eb44270", password.Fields[SigKey].StringValue);
        Assert.Equal("wallet-Pa55word", password.Fields["value"].StringValue);
    }

    [Fact]
    public async Task Json_inputs_are_sent_as_json_strings()
    {
        var monitor = await RunAsync(() => _ = new CustomResource("otherpkg:index:Policy", "policy", new JsonArgs
        {
            Document = new Dictionary<string, object> { ["statements"] = new[] { "allow" }, ["version"] = 2 },
        }, new CustomResourceOptions()), preview: false);

        var json = monitor.Single("policy").Object.Fields["document"].StringValue;
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("allow", parsed.RootElement.GetProperty("statements")[0].GetString());
        Assert.Equal(2, parsed.RootElement.GetProperty("version").GetDouble());
    }

    private sealed class JsonArgs : ResourceArgs
    {
        [Input("document", json: true)]
        public Input<object>? Document { get; set; }
    }

    [Fact]
    public async Task Timeouts_and_import_ids_are_sent_in_the_engine_format()
    {
        var monitor = await RunAsync(() => _ = new FakePassword("p", new FakePasswordArgs { Length = 4 }, new CustomResourceOptions
        {
            ImportId = "existing",
            CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromMinutes(5) },
            DeleteBeforeReplace = true,
        }), preview: false);

        var request = monitor.Single("p");
        Assert.Equal("existing", request.ImportId);
        Assert.Equal("300000000000ns", request.CustomTimeouts.Create);
        Assert.Equal("", request.CustomTimeouts.Delete);
        Assert.True(request.DeleteBeforeReplace);
        Assert.True(request.DeleteBeforeReplaceDefined);
    }
}
