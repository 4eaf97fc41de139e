using System.Collections.Immutable;
using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Pulumi.Sdk.Tests;

/// <summary>TestAsync over the sample program with a Moq-based IMocks.</summary>
public sealed class DeploymentTests
{
    private static RecordingMocks NewMocks()
    {
        var mocks = new RecordingMocks();
        // The password provider generates its result.
        mocks.ExtraState[FakeTokens.Password] = _ => ImmutableDictionary<string, object>.Empty.Add("result", "S3cr3t-P@ssw0rd");
        return mocks;
    }

    [Fact]
    public async Task Mock_sees_inputs_with_wire_names_secrets_unwrapped_and_numbers_as_double()
    {
        var mocks = NewMocks();
        await Deployment.TestAsync<FakeEnclaveStack>(mocks.Object, new TestOptions { IsPreview = false });

        var vcn = mocks.Single(FakeTokens.Vcn, "enclave-vcn");
        Assert.Equal(FakeEnclaveStack.Compartment, vcn.Inputs["compartmentId"]);
        Assert.Equal(new object[] { "10.0.0.0/16" }, (ImmutableArray<object>)vcn.Inputs["cidrBlocks"]);
        var tags = (ImmutableDictionary<string, object>)vcn.Inputs["freeformTags"];
        Assert.Equal("test", tags["env"]);
        Assert.Equal("data", tags["owner"]);
        Assert.Equal("", vcn.Id);

        var database = mocks.Single(FakeTokens.Database, "enclave-db");
        // Secret inputs reach the mock as plain values.
        Assert.Equal("S3cr3t-P@ssw0rd", database.Inputs["adminPassword"]);
        // Numbers are doubles on the wire, even for Input<int>.
        Assert.IsType<double>(database.Inputs["cpuCoreCount"]);
        Assert.Equal(2.0, database.Inputs["cpuCoreCount"]);
        Assert.Equal(false, database.Inputs["isFreeTier"]);
        // Outputs of other resources arrive resolved.
        Assert.Equal("db-subnet_id", database.Inputs["subnetId"]);
        Assert.Equal("enclave-vcn_id", mocks.Single(FakeTokens.Subnet, "db-subnet").Inputs["vcnId"]);
    }

    [Fact]
    public async Task Unknown_inputs_are_not_given_to_the_mock_during_preview()
    {
        var mocks = NewMocks();
        await Deployment.TestAsync<FakeEnclaveStack>(mocks.Object);

        var subnet = mocks.Single(FakeTokens.Subnet, "db-subnet");
        Assert.False(subnet.Inputs.ContainsKey("dnsLabel"));
        Assert.Equal("10.0.1.0/24", subnet.Inputs["cidrBlock"]);
    }

    [Fact]
    public async Task Resources_get_ids_and_outputs_from_the_mock_state()
    {
        var mocks = NewMocks();
        var resources = await Deployment.TestAsync<FakeEnclaveStack>(mocks.Object, new TestOptions { IsPreview = false });

        var vcn = resources.OfType<FakeVcn>().Single();
        Assert.Equal("enclave-vcn_id", await OutputUtilities.GetValueAsync(vcn.Id));
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$testoci:Core/vcn:Vcn::enclave-vcn", await OutputUtilities.GetValueAsync(vcn.Urn));
        Assert.Equal(new[] { "10.0.0.0/16" }, await OutputUtilities.GetValueAsync(vcn.CidrBlocks));
        Assert.Equal("test", (await OutputUtilities.GetValueAsync(vcn.FreeformTags))["env"]);

        var database = resources.OfType<FakeDatabase>().Single();
        Assert.Equal(2, await OutputUtilities.GetValueAsync(database.CpuCoreCount));
        Assert.Equal(1.0, await OutputUtilities.GetValueAsync(database.DataStorageSizeInTbs));
        Assert.False(await OutputUtilities.GetValueAsync(database.IsFreeTier));
        Assert.Equal("enclave", await OutputUtilities.GetValueAsync(database.DbName));

        var password = resources.OfType<FakePassword>().Single();
        Assert.Equal("S3cr3t-P@ssw0rd", await OutputUtilities.GetValueAsync(password.Result));
        Assert.Equal(24, await OutputUtilities.GetValueAsync(password.Length));
    }

    [Fact]
    public async Task Returned_resources_include_the_stack_and_every_registered_resource()
    {
        var resources = await Deployment.TestAsync<FakeEnclaveStack>(NewMocks().Object);

        Assert.Single(resources.OfType<FakeEnclaveStack>());
        Assert.Equal(5, resources.Length);
        var stack = resources.OfType<FakeEnclaveStack>().Single();
        Assert.Equal("pulumi:pulumi:Stack", stack.GetResourceType());
        Assert.Equal("project-stack", stack.GetResourceName());
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack", await OutputUtilities.GetValueAsync(stack.Urn));
    }

    [Fact]
    public async Task Stack_names_come_from_the_test_options()
    {
        var mocks = NewMocks();
        var resources = await Deployment.TestAsync<FakeEnclaveStack>(mocks.Object,
            new TestOptions { ProjectName = "enclave", StackName = "prod", IsPreview = false });

        var stack = resources.OfType<FakeEnclaveStack>().Single();
        Assert.Equal("enclave-prod", stack.GetResourceName());
        var vcn = resources.OfType<FakeVcn>().Single();
        Assert.Equal("urn:pulumi:prod::enclave::pulumi:pulumi:Stack$testoci:Core/vcn:Vcn::enclave-vcn", await OutputUtilities.GetValueAsync(vcn.Urn));
    }

    [Fact]
    public async Task Preview_leaves_outputs_missing_from_the_state_unknown_and_update_makes_them_known_defaults()
    {
        var preview = await Deployment.TestAsync<FakeEnclaveStack>(NewMocks().Object);
        var previewVcn = preview.OfType<FakeVcn>().Single();
        Assert.False(await OutputUtilities.GetIsKnownAsync(previewVcn.VcnDomainName));
        // Outputs the mock returned are known even in preview.
        Assert.True(await OutputUtilities.GetIsKnownAsync(previewVcn.DisplayName));
        Assert.Equal("enclave", await OutputUtilities.GetValueAsync(previewVcn.DisplayName));

        var update = await Deployment.TestAsync<FakeEnclaveStack>(NewMocks().Object, new TestOptions { IsPreview = false });
        var updateVcn = update.OfType<FakeVcn>().Single();
        Assert.True(await OutputUtilities.GetIsKnownAsync(updateVcn.VcnDomainName));
        Assert.Null(await OutputUtilities.GetValueAsync(updateVcn.VcnDomainName));
    }

    [Fact]
    public async Task Deployment_instance_reports_preview_flag_and_names()
    {
        bool? isDryRun = null;
        string? names = null;
        await Deployment.TestAsync(NewMocks().Object, new TestOptions { IsPreview = false, OrganizationName = "acme" }, () =>
        {
            isDryRun = Deployment.Instance.IsDryRun;
            names = $"{Deployment.Instance.OrganizationName}/{Deployment.Instance.ProjectName}/{Deployment.Instance.StackName}";
        });
        Assert.False(isDryRun);
        Assert.Equal("acme/project/stack", names);

        await Deployment.TestAsync(NewMocks().Object, new TestOptions(), () => isDryRun = Deployment.Instance.IsDryRun);
        Assert.True(isDryRun);
    }

    [Fact]
    public void Deployment_instance_is_not_available_outside_a_run()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Deployment.Instance);
        Assert.Equal("Trying to acquire Deployment.Instance before 'Run' was called.", error.Message);
    }

    [Fact]
    public async Task A_null_mock_id_leaves_the_id_unknown_even_in_an_update()
    {
        var mocks = NewMocks();
        mocks.Ids[FakeTokens.Vcn] = _ => null;
        var resources = await Deployment.TestAsync<FakeEnclaveStack>(mocks.Object, new TestOptions { IsPreview = false });

        var vcn = resources.OfType<FakeVcn>().Single();
        Assert.False(await OutputUtilities.GetIsKnownAsync(vcn.Id));
        // The subnet's vcnId input was unknown, so the mock never saw it.
        Assert.False(mocks.Single(FakeTokens.Subnet, "db-subnet").Inputs.ContainsKey("vcnId"));
    }

    [Fact]
    public async Task Stack_outputs_are_registered_with_their_values_and_secrecy()
    {
        var mocks = NewMocks();
        await Deployment.TestAsync<FakeEnclaveStack>(mocks.Object, new TestOptions { IsPreview = false });

        var registration = mocks.RegisteredOutputs.Single(r => r.Urn == "urn:pulumi:stack::project::pulumi:pulumi:Stack::project-stack");
        Assert.Equal(new[] { "DatabaseName", "connectionLabel", "passwordLength", "subnetCidr", "vcnId" },
            registration.Outputs.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("enclave-vcn_id", await OutputUtilities.GetValueAsync(registration.Outputs["vcnId"]));
        Assert.Equal("enclave@10.0.1.0/24", await OutputUtilities.GetValueAsync(registration.Outputs["connectionLabel"]));
        Assert.Equal(24.0, await OutputUtilities.GetValueAsync(registration.Outputs["passwordLength"]));
        Assert.True(await Output.IsSecretAsync(registration.Outputs["passwordLength"]));
        Assert.False(await Output.IsSecretAsync(registration.Outputs["vcnId"]));
    }

    [Fact]
    public async Task Resource_outputs_depend_on_their_resource_and_combinations_on_all_sources()
    {
        var resources = await Deployment.TestAsync<FakeEnclaveStack>(NewMocks().Object, new TestOptions { IsPreview = false });
        var vcn = resources.OfType<FakeVcn>().Single();
        var subnet = resources.OfType<FakeSubnet>().Single();

        Assert.Contains(vcn, await OutputUtilities.GetDependenciesAsync(vcn.DisplayName));
        var combined = Output.Tuple(vcn.Id, subnet.CidrBlock).Apply(t => $"{t.Item1}/{t.Item2}");
        var dependencies = await OutputUtilities.GetDependenciesAsync(combined);
        Assert.Contains(vcn, dependencies);
        Assert.Contains(subnet, dependencies);
        Assert.Equal("enclave-vcn_id/10.0.1.0/24", await OutputUtilities.GetValueAsync(combined));
    }

    [Fact]
    public async Task A_secret_in_the_mock_state_makes_the_output_secret()
    {
        var mocks = NewMocks();
        mocks.ExtraState[FakeTokens.Password] = _ => ImmutableDictionary<string, object>.Empty.Add("result", Output.CreateSecret("from-a-secret"));
        var resources = await Deployment.TestAsync<FakeEnclaveStack>(mocks.Object, new TestOptions { IsPreview = false });

        var password = resources.OfType<FakePassword>().Single();
        Assert.True(await Output.IsSecretAsync(password.Result));
        Assert.Equal("from-a-secret", await OutputUtilities.GetValueAsync(password.Result));
        Assert.False(await Output.IsSecretAsync(password.Length));
        Assert.Equal("from-a-secret", mocks.Single(FakeTokens.Database, "enclave-db").Inputs["adminPassword"]);
    }

    [Fact]
    public async Task Complex_outputs_are_built_through_their_output_constructor()
    {
        var mocks = NewMocks();
        mocks.ExtraState[FakeTokens.Database] = _ => ImmutableDictionary<string, object>.Empty.Add("connectionStrings", ImmutableArray.Create<object>(
            ImmutableDictionary<string, object>.Empty
                .Add("name", "high")
                .Add("port", 1522)
                .Add("options", ImmutableDictionary<string, object>.Empty.Add("tls", "required"))));
        var resources = await Deployment.TestAsync<FakeEnclaveStack>(mocks.Object, new TestOptions { IsPreview = false });

        var connection = Assert.Single(await OutputUtilities.GetValueAsync(resources.OfType<FakeDatabase>().Single().ConnectionStrings));
        Assert.Equal("high", connection.Name);
        Assert.Equal(1522, connection.Port);
        Assert.Equal("required", connection.Options["tls"]);
    }

    [Fact]
    public async Task Reading_an_existing_resource_by_id_asks_the_mock_with_that_id()
    {
        var mocks = NewMocks();
        CustomResource? existing = null;
        var resources = await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            existing = new CustomResource(FakeTokens.Vcn, "existing", ResourceArgs.Empty, new CustomResourceOptions { Id = "ocid1.vcn.oc1..existing" });
        });

        Assert.Equal("ocid1.vcn.oc1..existing", mocks.Single(FakeTokens.Vcn, "existing").Id);
        Assert.Contains(existing!, resources);
        // A read keeps the ID it asked for.
        Assert.Equal("ocid1.vcn.oc1..existing", await OutputUtilities.GetValueAsync(existing!.Id));
    }
}
