namespace Enclave.Tests.Configuration;

/// <summary>
/// <c>groups.identityDomainUrl</c>: the persona domain's URL, which the gate judges every identity-domain persona group
/// against (ENC-IDN-050). Only an identity domain's URL, and only beside the domain's name.
/// </summary>
public class IdentityDomainUrlTests
{
    private const string Url = "https://idcs-0123456789abcdef0123456789abcdef.identity.oraclecloud.com:443";

    [Theory]
    [InlineData(Url)]
    [InlineData("https://idcs-0123456789abcdef0123456789abcdef.identity.oraclecloud.com")]
    [InlineData("https://idcs-exampleusds.identity.oraclecloud.com/")]
    public void The_domains_url_reaches_the_settings(string url)
    {
        var result = new ConfigBuilder().Field("groups", "identityDomain", "\"UsdsEnclave\"").Field("groups", "identityDomainUrl", $"\"{url}\"").Parse();
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(url, result.Settings!.Groups.IdentityDomainUrl);
    }

    [Fact]
    public void Without_it_the_settings_hold_none() =>
        Assert.Null(new ConfigBuilder().Field("groups", "identityDomain", "\"UsdsEnclave\"").Parse().Settings!.Groups.IdentityDomainUrl);

    [Theory]
    [InlineData("http://idcs-0123.identity.oraclecloud.com")]                // not https
    [InlineData("https://idcs-0123.identity.oraclecloud.com.parentco.example")]  // another host
    [InlineData("https://parentco.example/idcs-0123.identity.oraclecloud.com")]
    [InlineData("https://idcs-0123.identity.oraclecloud.com:8443")]
    [InlineData("UsdsEnclave")]
    public void Something_other_than_a_domain_url_is_refused(string url) =>
        ConfigAssert.Single(new ConfigBuilder().Field("groups", "identityDomain", "\"UsdsEnclave\"").Field("groups", "identityDomainUrl", $"\"{url}\"").Parse(),
            "us-data-enclave:groups.identityDomainUrl", "is not the identity domain's URL");

    [Fact]
    public void A_url_without_a_domain_name_is_refused() =>
        ConfigAssert.Single(new ConfigBuilder().Field("groups", "identityDomainUrl", $"\"{Url}\"").Parse(),
            "us-data-enclave:groups.identityDomainUrl", "groups.identityDomain names no domain");
}
