using System.Collections.Immutable;
using Enclave.Components.Tenancy;
using Enclave.Offline.Fakes;
using Moq;
using Pulumi.Testing;

namespace Enclave.Tests.Offline;

public class FakeCloudTests
{
    private static readonly FakeCloud Cloud = new(
        "ocid1.tenancy.oc1..aaaaaaaaexampletesttenancy0000000000000000000000000000000000", "us-ashburn-1", ["us-phoenix-1"]);

    private static Dictionary<string, object> Invoke(string token, Dictionary<string, object>? args = null, string region = "us-ashburn-1") =>
        (Dictionary<string, object>)Cloud.Invoke(token, args?.ToImmutableDictionary(), region);

    private static List<Dictionary<string, object>> Items(object list) => ((List<object>)list).Cast<Dictionary<string, object>>().ToList();

    [Theory]
    [InlineData("us-ashburn-1", "iad", "IAD")]
    [InlineData("us-phoenix-1", "phx", "PHX")]
    public void Get_services_offers_all_services_and_object_storage_of_the_region(string region, string key, string upper)
    {
        var services = Items(Invoke(FakeCloud.GetServices, region: region)["services"]);

        Assert.Equal([$"all-{key}-services-in-oracle-services-network", $"oci-{key}-objectstorage"], services.Select(s => (string)s["cidrBlock"]));
        Assert.Equal([$"All {upper} Services In Oracle Services Network", $"OCI {upper} Object Storage"], services.Select(s => (string)s["name"]));
        Assert.All(services, s => Assert.StartsWith($"ocid1.service.oc1.{key}.aaaaaaaa", (string)s["id"], StringComparison.Ordinal));
    }

    [Fact]
    public void Get_services_applies_data_source_filters()
    {
        var filter = ImmutableDictionary<string, object>.Empty
            .Add("name", "name").Add("regex", true).Add("values", ImmutableArray.Create<object>("OCI .* Object Storage"));
        var services = Items(Invoke(FakeCloud.GetServices, new() { ["filters"] = ImmutableArray.Create<object>(filter) })["services"]);

        Assert.Equal("oci-iad-objectstorage", Assert.Single(services)["cidrBlock"]);
    }

    [Fact]
    public void Get_security_policies_offers_every_policy_the_enclave_recipe_needs()
    {
        var result = Invoke(FakeCloud.GetSecurityPolicies, new() { ["compartmentId"] = Cloud.TenancyOcid });
        var items = Items(Items(result["securityPolicyCollections"]).Single()["items"]);
        var names = items.Select(i => (string)i["friendlyName"]).ToHashSet();

        Assert.Subset(names, SecurityZonePolicies.Required.ToHashSet());
        Assert.Contains("deny security_list_to_allow_traffic_to_restricted_ports", names);
        Assert.All(items, i =>
        {
            Assert.StartsWith("ocid1.securityzonessecuritypolicy.oc1.iad.", (string)i["id"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty((string)i["category"]));
            Assert.Equal(i["friendlyName"], i["displayName"]);
        });
        Assert.Equal(items.Count, items.Select(i => i["id"]).Distinct().Count());
    }

    [Fact]
    public void Get_region_subscriptions_lists_the_tenancy_regions_with_its_home()
    {
        var subscriptions = Items(Invoke(FakeCloud.GetRegionSubscriptions, new() { ["tenancyId"] = Cloud.TenancyOcid })["regionSubscriptions"]);

        Assert.Equal(["us-ashburn-1", "us-phoenix-1"], subscriptions.Select(s => (string)s["regionName"]));
        Assert.Equal([true, false], subscriptions.Select(s => (bool)s["isHomeRegion"]));
        Assert.Equal(["IAD", "PHX"], subscriptions.Select(s => (string)s["regionKey"]));
    }

    [Fact]
    public void Get_namespace_is_stable_per_tenancy()
    {
        var ns = (string)Invoke(FakeCloud.GetNamespace)["namespace"];
        Assert.Equal(12, ns.Length);
        Assert.Equal(ns, Cloud.Namespace);
        Assert.NotEqual(ns, FakeCloud.Default.Namespace);
    }

    [Fact]
    public void An_unknown_invoke_is_refused_by_name()
    {
        var e = Assert.Throws<NotSupportedException>(() => Invoke("oci:Core/getVcns:getVcns"));
        Assert.Contains("no answer for invoke 'oci:Core/getVcns:getVcns'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_plugs_into_a_moq_mock()
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).Returns((MockCallArgs a) => FakeCloud.Answer(a));

        var result = await mocks.Object.CallAsync(new MockCallArgs
        {
            Token = FakeCloud.GetServices, Args = ImmutableDictionary<string, object>.Empty, Provider = "",
        });

        Assert.Equal(2, ((List<object>)((Dictionary<string, object>)result)["services"]).Count);
    }

    [Fact]
    public void Fake_ocids_are_deterministic_and_shaped_like_real_ones()
    {
        var a = FakeIds.Ocid("vcn", "us-ashburn-1", "network-vcn");
        Assert.Equal(a, FakeIds.Ocid("vcn", "us-ashburn-1", "network-vcn"));
        Assert.NotEqual(a, FakeIds.Ocid("vcn", "us-ashburn-1", "network-standby-vcn"));
        Assert.Matches("^ocid1\\.vcn\\.oc1\\.iad\\.aaaaaaaa[a-z2-7]{52}$", a);
        Assert.Matches("^ocid1\\.compartment\\.oc1\\.\\.aaaaaaaa[a-z2-7]{52}$", FakeIds.Ocid("compartment", null, "top"));
    }

    [Fact]
    public void Fake_passwords_honour_length_and_character_classes_and_are_stable_per_name()
    {
        var inputs = new Dictionary<string, object>
        {
            ["length"] = 24.0, ["special"] = true, ["overrideSpecial"] = "#_-",
            ["minUpper"] = 2.0, ["minLower"] = 2.0, ["minNumeric"] = 2.0, ["minSpecial"] = 1.0,
        };
        const string type = "random:index/randomPassword:RandomPassword";

        var password = FakeSecrets.Generate(type, "admin", inputs);

        Assert.Equal(24, password.Length);
        Assert.True(password.Count(char.IsUpper) >= 2 && password.Count(char.IsLower) >= 2 && password.Count(char.IsDigit) >= 2);
        Assert.Contains(password, c => "#_-".Contains(c));
        Assert.All(password, c => Assert.True(char.IsLetterOrDigit(c) || "#_-".Contains(c), $"unexpected '{c}'"));
        Assert.Equal(password, FakeSecrets.Generate(type, "admin", inputs));
        Assert.NotEqual(password, FakeSecrets.Generate(type, "other", inputs));
    }

    [Fact]
    public async Task Mocks_place_resources_in_their_providers_region_and_return_computed_outputs()
    {
        var mocks = new FakeCloudMocks(Cloud, "us-ashburn-1");
        var (providerId, _) = await mocks.NewResourceAsync(new MockResourceArgs
        {
            Type = "pulumi:providers:oci", Name = "standby",
            Inputs = ImmutableDictionary<string, object>.Empty.Add("region", "us-phoenix-1"),
        });
        var (vcnId, state) = await mocks.NewResourceAsync(new MockResourceArgs
        {
            Type = "oci:Core/vcn:Vcn", Name = "standby-vcn", Provider = $"urn:pulumi:prod::p::pulumi:providers:oci::standby::{providerId}",
            Inputs = ImmutableDictionary<string, object>.Empty.Add("cidrBlocks", ImmutableArray.Create<object>("10.40.0.0/16")),
        });

        Assert.StartsWith("ocid1.vcn.oc1.phx.", vcnId, StringComparison.Ordinal);
        var outputs = (Dictionary<string, object>)state;
        Assert.StartsWith("ocid1.securitylist.oc1.phx.", (string)outputs["defaultSecurityListId"], StringComparison.Ordinal);
        Assert.True(outputs.ContainsKey("cidrBlocks"));
        Assert.False(outputs.ContainsKey("timeCreated"));
        Assert.Equal("us-phoenix-1", mocks.Resources[("oci:Core/vcn:Vcn", "standby-vcn")].Region);
    }

    [Fact]
    public async Task Mocks_remember_every_fake_secret_they_hand_out()
    {
        var mocks = new FakeCloudMocks(Cloud, "us-ashburn-1");
        var (_, state) = await mocks.NewResourceAsync(new MockResourceArgs
        {
            Type = "random:index/randomPassword:RandomPassword", Name = "pw",
            Inputs = ImmutableDictionary<string, object>.Empty.Add("length", 20.0),
        });

        var result = (string)((Dictionary<string, object>)state)["result"];
        Assert.Equal(20, result.Length);
        Assert.Contains(result, mocks.SecretValues);
    }
}
