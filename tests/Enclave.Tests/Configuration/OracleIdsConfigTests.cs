using System.Text.Json.Nodes;
using Enclave.Components.Tenancy;
using Enclave.Configuration;

namespace Enclave.Tests.Configuration;

/// <summary>
/// <c>oracleIds.securityZonePolicies</c>: the OCIDs of the zone recipe's policies the program uses and the gate judges
/// the recipe against (ENC-GOV-003). Optional; when given, every required policy has one OCID of its own.
/// </summary>
public class OracleIdsConfigTests
{
    private const string Key = "us-data-enclave:oracleIds.securityZonePolicies";

    private static JsonObject Policies() => new(SecurityZonePolicies.Required.Select((n, i) =>
        KeyValuePair.Create(n["deny ".Length..], (JsonNode?)JsonValue.Create($"ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaexamplepolicy{i:00}"))));

    private static ConfigResult With(JsonObject policies) =>
        new ConfigBuilder().Set("oracleIds", new JsonObject { ["securityZonePolicies"] = policies }.ToJsonString()).Parse();

    [Fact]
    public void Absent_declares_no_policy_ids()
    {
        var s = new ConfigBuilder().Parse().Settings!;
        Assert.Empty(s.OracleIds.SecurityZonePolicies);
    }

    [Fact]
    public void Declared_policy_ids_reach_the_settings_by_friendly_name()
    {
        var result = With(Policies());
        Assert.True(result.IsValid, result.Message);
        var ids = result.Settings!.OracleIds.SecurityZonePolicies;
        Assert.Equal(SecurityZonePolicies.Required.Order(StringComparer.Ordinal), ids.Keys);
        Assert.Equal("ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaexamplepolicy00", ids["deny public_buckets"]);
    }

    [Fact]
    public void A_missing_policy_is_named()
    {
        var policies = Policies();
        policies.Remove("internet_gateway");
        ConfigAssert.Single(With(policies), $"{Key}.internet_gateway", "missing");
    }

    [Theory]
    [InlineData("ocid1.compartment.oc1..aaaaaaaaexamplecompartment", "is not a security-zone policy OCID")]
    [InlineData("deny public_buckets", "is not a security-zone policy OCID")]
    public void Something_other_than_a_policy_ocid_is_refused(string value, string fragment)
    {
        var policies = Policies();
        policies["public_buckets"] = value;
        ConfigAssert.Single(With(policies), $"{Key}.public_buckets", fragment);
    }

    [Fact]
    public void One_ocid_for_two_policies_is_refused()
    {
        var policies = Policies();
        policies["public_subnets"] = policies["public_buckets"]!.GetValue<string>();
        ConfigAssert.Single(With(policies), $"{Key}.public_subnets", "is the same OCID as public_buckets");
    }

    [Fact]
    public void A_policy_the_recipe_does_not_hold_is_an_unknown_field()
    {
        var policies = Policies();
        policies["allow_everything"] = "ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaexampleextra";
        ConfigAssert.Single(With(policies), $"{Key}.allow_everything", "unknown field");
    }

    [Fact]
    public void Declared_cloud_guard_recipes_reach_the_settings_and_other_ocids_are_refused()
    {
        var good = new ConfigBuilder().Set("oracleIds", """{"detectorRecipes":{"configuration":"ocid1.cloudguarddetectorrecipe.oc1..aaaaaaaaexampleconfig","activity":"ocid1.cloudguarddetectorrecipe.oc1..aaaaaaaaexampleactivity"},"responderRecipe":"ocid1.cloudguardresponderrecipe.oc1..aaaaaaaaexampleresponder"}""").Parse();
        Assert.True(good.IsValid, good.Message);
        Assert.Equal("ocid1.cloudguarddetectorrecipe.oc1..aaaaaaaaexampleactivity", good.Settings!.OracleIds.DetectorRecipes["activity"]);
        Assert.Equal("ocid1.cloudguardresponderrecipe.oc1..aaaaaaaaexampleresponder", good.Settings.OracleIds.ResponderRecipe);

        var swapped = new ConfigBuilder().Set("oracleIds", """{"detectorRecipes":{"configuration":"ocid1.cloudguardresponderrecipe.oc1..aaaaaaaaexampleresponder","activity":"ocid1.cloudguarddetectorrecipe.oc1..aaaaaaaaexampleactivity"}}""").Parse();
        ConfigAssert.Single(swapped, "us-data-enclave:oracleIds.detectorRecipes.configuration", "is not a cloudguarddetectorrecipe OCID");
    }

    [Fact]
    public void Declared_object_storage_services_reach_the_settings_by_region()
    {
        var good = new ConfigBuilder().Set("oracleIds", """{"objectStorageServices":{"us-ashburn-1":"ocid1.service.oc1.iad.aaaaaaaaexampleobjectstorage","us-phoenix-1":"ocid1.service.oc1.phx.aaaaaaaaexampleobjectstorage"}}""").Parse();
        Assert.True(good.IsValid, good.Message);
        Assert.Equal("ocid1.service.oc1.phx.aaaaaaaaexampleobjectstorage", good.Settings!.OracleIds.ObjectStorageServices["us-phoenix-1"]);
        Assert.Empty(new ConfigBuilder().Parse().Settings!.OracleIds.ObjectStorageServices);
    }

    [Theory]
    [InlineData("us-ashburn-1", "ocid1.servicegateway.oc1.iad.aaaaaaaaexamplegateway", "is not a service OCID of us-ashburn-1")]
    [InlineData("us-ashburn-1", "OCI IAD Object Storage", "is not a service OCID of us-ashburn-1")]
    [InlineData("us-ashburn-1", "ocid1.service.oc1.phx.aaaaaaaaexampleobjectstorage", "is not a service OCID of us-ashburn-1")]  // another region's
    [InlineData("eu-frankfurt-1", "ocid1.service.oc1.fra.aaaaaaaaexampleobjectstorage", "unknown field")]
    public void Something_other_than_the_regions_service_ocid_is_refused(string region, string value, string fragment) =>
        ConfigAssert.Single(new ConfigBuilder().Set("oracleIds", new JsonObject { ["objectStorageServices"] = new JsonObject { [region] = value } }.ToJsonString()).Parse(),
            $"us-data-enclave:oracleIds.objectStorageServices.{region}", fragment);
}
