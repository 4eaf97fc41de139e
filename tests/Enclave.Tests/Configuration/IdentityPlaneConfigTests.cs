using Enclave.Configuration;

namespace Enclave.Tests.Configuration;

/// <summary>The identity plane's allow-lists (<c>federation</c>, <c>breakGlass</c>) are validated like every other key.</summary>
public class IdentityPlaneConfigTests
{
    private const string GoodIdp = """{"name":"UsdsOkta","entityId":"http://www.okta.example/exk1usds","metadataUrl":"https://usds.okta.example/metadata"}""";
    private const string GoodUser = """{"name":"usde-breakglass","email":"breakglass@usdata.example","groups":["gatekeeper"],"credentials":["apiKey"]}""";

    private static ConfigResult WithIdp(string idp) => new ConfigBuilder().Set("federation", $"{{\"identityProviders\":[{idp}]}}").Parse();

    private static ConfigResult WithUser(string user) => new ConfigBuilder().Set("breakGlass", $"{{\"users\":[{user}]}}").Parse();

    [Fact]
    public void Both_keys_are_optional_and_allow_nothing_when_absent()
    {
        var s = new ConfigBuilder().Parse().Settings!;
        Assert.Empty(s.Federation.IdentityProviders);
        Assert.Empty(s.BreakGlass.Users);
    }

    [Fact]
    public void A_trusted_identity_provider_reaches_the_settings()
    {
        var result = WithIdp(GoodIdp);
        Assert.True(result.IsValid, result.Message);
        var idp = Assert.Single(result.Settings!.Federation.IdentityProviders);
        Assert.Equal(("UsdsOkta", "http://www.okta.example/exk1usds", "https://usds.okta.example/metadata"), (idp.Name, idp.EntityId, idp.MetadataUrl));
    }

    [Fact]
    public void A_parent_company_identity_provider_is_refused()
    {
        ConfigAssert.Single(WithIdp("""{"name":"parentcookta","entityId":"urn:x"}"""),
            "us-data-enclave:federation.identityProviders[0].name", "is the parent-company identity provider 'ParentCoOkta'");
    }

    [Theory]
    [InlineData("entityId", "https://sso.parentco.example/saml", "is served from the parent-company domain 'parentco.example'")]
    [InlineData("metadataUrl", "https://login.eu.parentco.example/md", "is served from the parent-company domain 'parentco.example'")]
    [InlineData("metadataUrl", "http://usds.okta.example/metadata", "is not an https URL")]
    [InlineData("entityId", "urn:has space", "must be one URI of at most 1024 characters without spaces")]
    public void Identity_provider_pins_are_checked(string field, string value, string fragment)
    {
        var idp = System.Text.Json.Nodes.JsonNode.Parse(GoodIdp)!.AsObject();
        idp[field] = value;
        ConfigAssert.Single(WithIdp(idp.ToJsonString()), $"us-data-enclave:federation.identityProviders[0].{field}", fragment);
    }

    [Fact]
    public void An_identity_provider_without_an_entity_id_is_refused()
    {
        ConfigAssert.Single(WithIdp("""{"name":"UsdsOkta"}"""), "us-data-enclave:federation.identityProviders[0].entityId", "missing");
    }

    [Fact]
    public void Duplicate_and_misspelt_entries_are_reported()
    {
        var result = new ConfigBuilder().Set("federation", $"{{\"identityProviders\":[{GoodIdp},{GoodIdp},\"x\"],\"idps\":[]}}").Parse();
        ConfigAssert.Has(result, "us-data-enclave:federation.identityProviders[1].name", "is already listed");
        ConfigAssert.Has(result, "us-data-enclave:federation.identityProviders[2]", "expected an object");
        ConfigAssert.Has(result, "us-data-enclave:federation.idps", "unknown field 'idps'");
    }

    private const string Pin = "6a35f5efe73384e2cca582abe5f4094c5d4a8a6a80606e14f48c0b7219ee21d7";
    private const string PinKey = "us-data-enclave:federation.identityProviders[0].signingCertificateSha256";

    private static ConfigResult WithPins(string pins) =>
        WithIdp(GoodIdp.Replace("}", $",\"signingCertificateSha256\":{pins}}}", StringComparison.Ordinal));

    [Fact]
    public void Signing_certificate_pins_reach_the_settings_as_openssl_prints_them_or_plain()
    {
        // openssl's form (upper case, colons) and plain hex are the same pin; a rotation lists two.
        var colons = string.Join(':', Pin.ToUpperInvariant().Chunk(2).Select(c => new string(c)));
        var next = new string('b', 64);
        var result = WithPins($"[\"{colons}\",\"{next}\"]");
        Assert.True(result.IsValid, result.Message);
        Assert.Equal<string>([Pin, next], Assert.Single(result.Settings!.Federation.IdentityProviders).SigningCertificateSha256.ToArray());
    }

    [Fact]
    public void Without_pins_an_identity_provider_pins_no_certificate()
    {
        var result = WithIdp(GoodIdp);
        Assert.True(result.IsValid, result.Message);
        Assert.Empty(Assert.Single(result.Settings!.Federation.IdentityProviders).SigningCertificateSha256);
    }

    [Theory]
    [InlineData("[\"6a35f5ef\"]", "[0]", "is not a SHA-256 fingerprint: 64 hex digits")]
    [InlineData("[\"zz35f5efe73384e2cca582abe5f4094c5d4a8a6a80606e14f48c0b7219ee21d7\"]", "[0]", "is not a SHA-256 fingerprint")]
    [InlineData("[\"sha1:ab\"]", "[0]", "openssl x509 -in idp.pem -noout -fingerprint -sha256")]
    [InlineData("[\"" + Pin + "\",\"" + Pin + "\"]", "[1]", "is already listed")]
    [InlineData("[]", "", "is empty: list the SHA-256 fingerprint of each signing certificate")]
    [InlineData("\"" + Pin + "\"", "", "expected")]
    public void Signing_certificate_pins_are_checked(string pins, string suffix, string fragment)
    {
        ConfigAssert.Single(WithPins(pins), PinKey + suffix, fragment);
    }

    [Fact]
    public void A_break_glass_user_reaches_the_settings()
    {
        var result = WithUser(GoodUser);
        Assert.True(result.IsValid, result.Message);
        var user = Assert.Single(result.Settings!.BreakGlass.Users);
        Assert.Equal("usde-breakglass", user.Name);
        Assert.Equal<string>(["gatekeeper"], user.Groups.ToArray());
        Assert.Equal<CredentialKind>([CredentialKind.ApiKey], user.Credentials.ToArray());
    }

    [Theory]
    [InlineData("email", "\"ops@parentco.example\"", "is in the parent-company e-mail domain 'parentco.example'")]
    [InlineData("name", "\"admin@eu.parentco.example\"", "is in the parent-company e-mail domain")]
    [InlineData("name", "\"bad name\"", "is not a user name")]
    [InlineData("ocid", "\"ocid1.group.oc1..aaaaaaaaexample\"", "is not a user OCID")]
    [InlineData("groups", "[\"administrators\"]", "'administrators' is not allowed; use one of gatekeeper, operator, auditor, storageAdmin")]
    [InlineData("credentials", "[\"password\"]", "'password' is not allowed; use one of apiKey, authToken, customerSecretKey, smtpCredential")]
    public void Break_glass_fields_are_checked(string field, string json, string fragment)
    {
        var user = System.Text.Json.Nodes.JsonNode.Parse(GoodUser)!.AsObject();
        user[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        var result = WithUser(user.ToJsonString());
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Key.StartsWith($"us-data-enclave:breakGlass.users[0].{field}", StringComparison.Ordinal)
                                              && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void A_user_listed_twice_is_reported()
    {
        ConfigAssert.Single(new ConfigBuilder().Set("breakGlass", $"{{\"users\":[{GoodUser},{GoodUser}]}}").Parse(),
            "us-data-enclave:breakGlass.users[1].name", "is already listed");
    }
}
