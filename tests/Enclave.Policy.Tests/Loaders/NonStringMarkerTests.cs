using static Enclave.Policy.Tests.Loaders.ArtifactValidationTests;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// A Pulumi signature (<c>4dabf…</c>) whose value is an object or a list: the
/// streaming reader left that value unread, so its keys were read as the special value's fields and its closing
/// brace as the value's end, and every later key landed one level too high. The error then blamed a resource far
/// away ("expected a resource object, found PropertyName" at the next resource). Now the value is refused where it
/// is, naming its path and what would be valid. (A plan's <c>$enclave</c> marker had the same unread value; its
/// refusal came before the desynchronised reader read on, so it is skipped now for the same reason, with no test.)
/// </summary>
public class NonStringMarkerTests
{
    private const string Signature = "4dabf18193072939515e22adb298388d";

    [Theory]
    [InlineData("{ \"nested\": [\"1b47061264138c4ac30d75fd1eb44270\"] }")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void A_signature_that_is_not_a_string_is_refused_where_it_is(string signature)
    {
        var e = Refused(Export(
            Res("db", $$""", "inputs": { "adminPassword": { "{{Signature}}": {{signature}}, "ciphertext": "v1:x" }, "dbName": "usde" }"""),
            Res("next")));
        Assert.Equal($"$.deployment.resources[0].inputs.adminPassword.{Signature}", e.JsonPath);
        Assert.Contains("expected a signature string", e.Message);
    }
}
