using Enclave.Engine.Tests.FakeEngine;
using Enclave.Engine.Tests.Running;
using Pulumirpc;

namespace Enclave.Engine.Tests.Conformance;

/// <summary>Runs for this class: one preview and one update of the probe program, shared by its tests.</summary>
public sealed class ProbeRuns
{
    private readonly CachedRuns _runs = new();

    public Task<EngineRun> GetAsync(bool dryRun)
        => _runs.GetAsync(dryRun ? "preview" : "update", () => ProbeProgram.RunAsync(ProbeProgram.Options(dryRun)));
}

/// <summary>
/// The probe program (every resource option and wire feature the transport must carry) in preview and update
/// against the fake engine: what each request carries, field by field.
/// </summary>
public sealed class ProbeConformanceTests(ProbeRuns runs) : IClassFixture<ProbeRuns>
{
    private const string Vcn = "oci:Core/vcn:Vcn";
    private const string Compartment = "oci:Identity/compartment:Compartment";
    private const string Database = "oci:Database/autonomousDatabase:AutonomousDatabase";
    private const string Password = "random:index/randomPassword:RandomPassword";
    private const string OciProvider = "pulumi:providers:oci";
    private const string Network = "probe:index:Network";

    [Theory, InlineData(true), InlineData(false)]
    public async Task Run_succeeds_follows_the_protocol_and_signals_shutdown(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        ConformanceChecks.Succeeded(run);
        ConformanceChecks.StackFirstAndEverythingParented(run);
        ConformanceChecks.TypeTokensAndProviderVersions(run);
        ConformanceChecks.ProtocolFlags(run);
        ConformanceChecks.UnknownsOnlyInPreview(run);
        ConformanceChecks.SecretNeverInPlainText(run, ProbeProgram.GeneratedPassword);
        ConformanceChecks.SecretNeverInPlainText(run, ProbeProgram.Token);
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Unparented_resources_hang_off_the_stack_and_children_off_their_component(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var network = run.Single(Network, "network");
        Assert.Equal(run.StackUrn, network.Request.Parent);
        Assert.False(network.Request.Custom);
        Assert.Equal(run.StackUrn, run.Single(OciProvider, "home").Request.Parent);
        Assert.Equal(run.StackUrn, run.Single(Password, "admin-password").Request.Parent);
        Assert.Equal(run.StackUrn, run.Single(Database, "database").Request.Parent);
        Assert.Equal(network.Urn, run.Single(Compartment, "network-compartment").Request.Parent);
        Assert.Equal(network.Urn, run.Single(Vcn, "network-vcn").Request.Parent);
        Assert.Equal($"urn:pulumi:dev::probe-project::{Network}${Vcn}::network-vcn", run.Single(Vcn, "network-vcn").Urn);
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Explicit_provider_reaches_the_component_children_as_urn_and_id(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var home = run.Single(OciProvider, "home");
        Assert.True(home.Request.Custom);
        Assert.Equal("us-ashburn-1", run.Input(home, "region").StringValue);
        // The engine answers a preview with the unknown ID for a new provider; the SDK passes it back as is.
        var expected = $"{home.Urn}::{(dryRun ? Wire.Unknown : home.Id)}";
        Assert.Equal(expected, run.Single(Compartment, "network-compartment").Request.Provider);
        Assert.Equal(expected, run.Single(Vcn, "network-vcn").Request.Provider);
        Assert.Equal("", run.Single(Database, "database").Request.Provider);
        Assert.Equal("", run.Single(Network, "network").Request.Provider);
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Admin_password_is_sent_as_a_secret_and_RandomPassword_result_is_asked_to_be_secret(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var password = run.Single(Password, "admin-password");
        Assert.Contains("result", password.Request.AdditionalSecretOutputs);
        Assert.Equal(20, run.Input(password, "length").NumberValue);

        var adminPassword = run.Input(run.Single(Database, "database"), "adminPassword");
        if (dryRun)
        {
            // The password is generated at create time: unknown in a preview.
            Assert.True(Wire.IsUnknown(adminPassword), adminPassword.ToString());
        }
        else
        {
            Assert.True(Wire.IsSecret(adminPassword), "adminPassword was sent without the secret signature");
            Assert.Equal(ProbeProgram.GeneratedPassword, Wire.Reveal(adminPassword).StringValue);
        }
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Inputs_unknown_in_preview_are_the_sentinel_and_known_in_update(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var compartment = run.Single(Compartment, "network-compartment");
        var vcnCompartment = run.Input(run.Single(Vcn, "network-vcn"), "compartmentId");
        if (dryRun)
        {
            Assert.True(Wire.IsUnknown(vcnCompartment));
        }
        else
        {
            Assert.Equal(compartment.Id, vcnCompartment.StringValue);
        }
        Assert.Equal(ProbeProgram.Tenancy, run.Input(compartment, "compartmentId").StringValue);
        Assert.Equal("10.0.0.0/16", Assert.Single(run.Input(run.Single(Vcn, "network-vcn"), "cidrBlocks").ListValue.Values).StringValue);
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Dependencies_name_the_resources_each_input_came_from(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var compartment = run.Single(Compartment, "network-compartment");
        var vcn = run.Single(Vcn, "network-vcn");
        var password = run.Single(Password, "admin-password");
        var database = run.Single(Database, "database");

        Assert.Equal([compartment.Urn], vcn.Request.Dependencies);
        Assert.Equal([compartment.Urn], vcn.Request.PropertyDependencies["compartmentId"].Urns);
        Assert.Empty(vcn.Request.PropertyDependencies["cidrBlocks"].Urns);

        // DependsOn a component means on every custom resource under it.
        Assert.Equal(new[] { compartment.Urn, vcn.Urn }.Order(), password.Request.Dependencies.Order());

        Assert.Equal([password.Urn], database.Request.PropertyDependencies["adminPassword"].Urns);
        Assert.Equal([compartment.Urn], database.Request.PropertyDependencies["compartmentId"].Urns);
        Assert.Equal([vcn.Urn], database.Request.PropertyDependencies["nsgIds"].Urns);
        Assert.Equal(new[] { compartment.Urn, password.Urn, vcn.Urn }.Order(), database.Request.Dependencies.Order());
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Resource_options_reach_the_engine(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var database = run.Single(Database, "database").Request;
        Assert.True(database.HasProtect && database.Protect);
        Assert.True(database.HasRetainOnDelete && database.RetainOnDelete);
        Assert.True(database.DeleteBeforeReplace && database.DeleteBeforeReplaceDefined);
        Assert.Equal(["definedTags"], database.IgnoreChanges);
        var alias = Assert.Single(database.Aliases).Spec;
        Assert.Equal("db", alias.Name);
        // No parent named: the official SDK fills the parent oneof with noParent = false.
        Assert.True(alias is { ParentCase: Pulumirpc.Alias.Types.Spec.ParentOneofCase.NoParent, NoParent: false });
        // An empty hooks binding on every registration, as the official SDK sends it.
        Assert.All(run.Recording.Registrations, r => Assert.True(r.Request.Hooks is { BeforeCreate.Count: 0, AfterDelete.Count: 0 }, r.Name));

        var vcn = run.Single(Vcn, "network-vcn").Request;
        Assert.False(vcn.HasRetainOnDelete);
        Assert.False(vcn.DeleteBeforeReplaceDefined);
        Assert.Empty(vcn.Aliases);
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Protect_is_sent_where_set_and_copied_from_an_explicit_parent(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        Assert.True(run.Single(Database, "database").Request is { HasProtect: true, Protect: true });
        Assert.True(run.Single(Network, "network").Request is { HasProtect: true, Protect: true });
        // Children of the protected component set nothing: the official SDK copies the parent's protect into their
        // requests, so they stay protected even on engines that do not inherit it.
        Assert.True(run.Single(Vcn, "network-vcn").Request is { HasProtect: true, Protect: true });
        Assert.True(run.Single(Compartment, "network-compartment").Request is { HasProtect: true, Protect: true });
        // No explicit parent (the stack by default) and nothing set: unset.
        Assert.False(run.Single(Password, "admin-password").Request.HasProtect);
        Assert.False(run.Single(OciProvider, "home").Request.HasProtect);
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Custom_timeouts_are_sent_only_where_the_program_sets_them(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var timeouts = run.Single(Database, "database").Request.CustomTimeouts;
        Assert.NotNull(timeouts);
        Assert.Equal("1800000000000ns", timeouts.Create);
        Assert.Equal("", timeouts.Update);
        Assert.Equal("90000000000ns", timeouts.Delete);
        // No empty message with three empty strings: unset, as the official SDK sends it.
        Assert.All(run.Recording.Registrations.Where(r => r.Name != "database"), r => Assert.Null(r.Request.CustomTimeouts));
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Lists_are_sent_element_by_element(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        // The database's NSG list holds the VCN's default security list id: unknown in a preview. The official SDK
        // sends the list with the unknown element in it, not one unknown value for the whole list.
        var nsgIds = run.Input(run.Single(Database, "database"), "nsgIds");
        var element = Assert.Single(nsgIds.ListValue.Values);
        if (dryRun)
        {
            Assert.True(Wire.IsUnknown(element), nsgIds.ToString());
        }
        else
        {
            Assert.Equal("ocid1.securitylist.oc1..network-vcn", element.StringValue);
        }
        // A list of known values is the same list in both.
        var cidrBlocks = run.Input(run.Single(Vcn, "network-vcn"), "cidrBlocks");
        Assert.Equal(["10.0.0.0/16"], cidrBlocks.ListValue.Values.Select(v => v.StringValue));
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Component_and_stack_outputs_are_registered(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var network = run.Single(Network, "network");
        var componentOutputs = Assert.Single(run.Recording.Outputs, o => o.Urn == network.Urn);
        Assert.Equal(["compartmentId", "vcnId"], componentOutputs.Outputs.Fields.Keys.Order());

        var stack = ConformanceChecks.StackOutputs(run).Outputs.Fields;
        Assert.Equal(["databaseId", "deployment", "dryRun", "namespace", "passwordLength", "policyCount", "tokenLength"], stack.Keys.Order());
        Assert.Equal(ProbeProgram.ObjectStorageNamespace, stack["namespace"].StringValue);
        if (dryRun)
        {
            Assert.True(Wire.IsUnknown(stack["databaseId"]));
            Assert.True(Wire.IsUnknown(stack["policyCount"]));
            Assert.True(Wire.IsUnknown(stack["passwordLength"]));
        }
        else
        {
            Assert.Equal(run.Single(Database, "database").Id, stack["databaseId"].StringValue);
            Assert.Equal(2, stack["policyCount"].NumberValue);
            // RandomPassword.result came back secret: what is computed from it stays secret.
            Assert.True(Wire.IsSecret(stack["passwordLength"]), stack["passwordLength"].ToString());
            Assert.Equal(ProbeProgram.GeneratedPassword.Length, Wire.Reveal(stack["passwordLength"]).NumberValue);
        }
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Engine_environment_reaches_the_program(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var stack = ConformanceChecks.StackOutputs(run).Outputs.Fields;
        Assert.Equal($"organization/{ProbeProgram.Project}/{ProbeProgram.Stack}", stack["deployment"].StringValue);
        Assert.Equal(dryRun, stack["dryRun"].BoolValue);
        // A key listed in PULUMI_CONFIG_SECRET_KEYS is secret, and so is everything computed from it.
        Assert.True(Wire.IsSecret(stack["tokenLength"]), stack["tokenLength"].ToString());
        Assert.Equal(ProbeProgram.Token.Length, Wire.Reveal(stack["tokenLength"]).NumberValue);
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Invokes_with_unknown_arguments_are_not_sent_in_preview(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var objectStorage = Assert.Single(run.Recording.Invokes, i => i.Tok == "oci:ObjectStorage/getNamespace:getNamespace");
        Assert.Equal(ProbeProgram.Tenancy, objectStorage.Args.Fields["compartmentId"].StringValue);
        Assert.Equal("", objectStorage.Provider);
        Assert.True(objectStorage.AcceptResources);

        var policies = run.Recording.Invokes.Where(i => i.Tok == "oci:CloudGuard/getSecurityPolicies:getSecurityPolicies").ToList();
        if (dryRun)
        {
            Assert.Empty(policies);
        }
        else
        {
            var invoke = Assert.Single(policies);
            var home = run.Single(OciProvider, "home");
            Assert.Equal($"{home.Urn}::{home.Id}", invoke.Provider);
            Assert.Equal(run.Single(Compartment, "network-compartment").Id, invoke.Args.Fields["compartmentId"].StringValue);
        }
    }

    [Theory, InlineData(true), InlineData(false)]
    public async Task Log_messages_go_to_the_engine_with_the_resource_urn(bool dryRun)
    {
        var run = await runs.GetAsync(dryRun);
        var log = Assert.Single(run.Recording.Logs, l => l.Message == "probe: database declared");
        Assert.Equal(LogSeverity.Info, log.Severity);
        Assert.Equal(run.Single(Database, "database").Urn, log.Urn);
    }
}
