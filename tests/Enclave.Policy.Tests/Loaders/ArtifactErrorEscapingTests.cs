using System.Text;
using Enclave.Escaping;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Issue 12.4 at the loaders: an artifact error quotes file content (an operation, a key, a URN), so its message is
/// escaped by the shared escaper where it is made, whoever prints it (the CLI, the policy pack, a test log): bidi
/// overrides and NEL too, which the loaders' own control-character filter let through.
/// </summary>
public class ArtifactErrorEscapingTests
{
    [Fact]
    public void A_hostile_step_operation_is_quoted_escaped_and_capped()
    {
        var op = "cre\u202eate\u0085\\u001b[32mOK" + new string('x', 5000); // raw bidi and NEL, ESC as a JSON escape
        var json = $$"""{ "steps": [ { "op": "{{op}}", "urn": "urn:pulumi:dev::p::oci:Core/vcn:Vcn::v" } ] }""";

        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(Encoding.UTF8.GetBytes(json), "p.json"));

        Assert.DoesNotContain(e.Message, SafeText.IsUnsafe);
        Assert.Contains(@"\u202e", e.Message);
        Assert.True(e.Message.Length < 600, $"the message is {e.Message.Length} characters long");
    }
}
