using System.Globalization;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Tests.Engine;

/// <summary>
/// Findings keep their messages in parts (FindingText) to keep large reports small: the text a user reads must be
/// exactly what string interpolation would have produced.
/// </summary>
public class FindingTextTests
{
    private static FindingText Build(FindingTextBuilder text) => text.ToText();

    [Fact]
    public void Interpolated_message_reads_exactly_as_string_interpolation_would_format_it()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma: holes other than strings are formatted as interpolation does.
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            const string label = "oci:Core/subnet:Subnet::data";
            var ratio = 2.5;
            var count = 7;
            string? missing = null;
            var built = Build($"{label}: {count,4} rules, {ratio:F2} ratio, {ratio}, [{missing}] {Truth.Unknown}");
            Assert.Equal($"{label}: {count,4} rules, {ratio:F2} ratio, {ratio}, [{missing}] {Truth.Unknown}", built.ToString());
            Assert.Contains("2,50", built.ToString());
        }
        finally { CultureInfo.CurrentCulture = previous; }
    }

    [Fact]
    public void Findings_compare_and_hash_by_text_however_the_text_was_built()
    {
        var name = "bucket";
        var fromParts = new Finding("ENC-STO-001", "urn:x", Verdict.Pass, Build($"{name}: encrypted"));
        var fromString = new Finding("ENC-STO-001", "urn:x", Verdict.Pass, "bucket: encrypted");
        Assert.Equal(fromString, fromParts);
        Assert.Equal(fromString.GetHashCode(), fromParts.GetHashCode());
        Assert.Equal("bucket: encrypted", fromParts.Message);
        Assert.NotEqual(fromString, fromParts with { Text = Build($"{name}: not encrypted") });
    }

    [Fact]
    public void A_nodes_label_follows_a_changed_type_or_name()
    {
        var node = ResourceNode.Create("urn:pulumi:s::p::oci:Core/vcn:Vcn::a", "oci:Core/vcn:Vcn", "a");
        Assert.Equal("oci:Core/vcn:Vcn::a", node.Label);
        Assert.Equal("oci:Core/vcn:Vcn::b", (node with { Name = "b" }).Label);
        Assert.Equal("oci:Core/subnet:Subnet::a", (node with { Type = "oci:Core/subnet:Subnet" }).Label);
        Assert.Equal("t::n", (node with { Type = "t", Name = "n" }).Label);
        Assert.Equal(node, node with { Name = "a" });
    }
}
