using Enclave.Configuration;

namespace Enclave.Tests.Configuration;

/// <summary>A misspelt top-level key must stop the program, not be silently ignored.</summary>
public class UnknownKeyTests
{
    [Fact]
    public void A_misspelt_project_key_is_rejected_with_a_suggestion()
    {
        var result = new ConfigBuilder()
            .Set("parentCompartmentOcdi", "ocid1.compartment.oc1..aaaaaaaaexampleparentcompartment0000000000000000000000")
            .Parse();

        var problem = ConfigAssert.Single(result, "us-data-enclave:parentCompartmentOcdi", "unknown key 'parentCompartmentOcdi'");
        Assert.Contains("did you mean 'parentCompartmentOcid'?", problem.Message, StringComparison.Ordinal);
        Assert.Contains("known keys: homeRegion, parentCompartmentOcid, namePrefix", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_far_from_any_known_one_gets_no_suggestion()
    {
        var problem = ConfigAssert.Single(new ConfigBuilder().Set("colour", "blue").Parse(),
            "us-data-enclave:colour", "unknown key 'colour'; known keys: ");
        Assert.DoesNotContain("did you mean", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oci:privateKeyPath")]
    [InlineData("pulumi:disable-default-providers")]
    public void Keys_of_other_namespaces_are_not_ours_to_judge(string key)
    {
        var values = new Dictionary<string, string>(new ConfigBuilder().Values) { [key] = "x" };
        Assert.True(EnclaveConfig.Parse(new DictionaryConfigSource(values), "dev").IsValid);
    }

    [Fact]
    public void The_one_line_message_joins_problems_without_bullets()
    {
        var result = new ConfigBuilder().Remove("oci:region").Set("homeRegion", "eu-frankfurt-1").Parse();
        var e = new ConfigurationException("dev", result.Problems);

        Assert.DoesNotContain('\n', e.OneLineMessage);
        Assert.StartsWith("Configuration of stack 'dev' is invalid (2 problems): oci:region: missing", e.OneLineMessage, StringComparison.Ordinal);
        Assert.Contains("; us-data-enclave:homeRegion: 'eu-frankfurt-1'", e.OneLineMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(" - ", e.OneLineMessage, StringComparison.Ordinal);
        // The program's own message (what `pulumi up` prints) keeps one bulleted line per problem.
        Assert.Contains("(2 problems):\n  - oci:region: missing", e.Message, StringComparison.Ordinal);
    }
}
