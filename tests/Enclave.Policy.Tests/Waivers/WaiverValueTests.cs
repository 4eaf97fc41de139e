using Enclave.Policy.Waivers;

namespace Enclave.Policy.Tests.Waivers;

/// <summary>
/// Issue 12, item 2: a waiver says what it says in YAML's own types and in exact rule ids. `critical: 'true'` (a
/// string) was taken for the boolean; `enc-sto-001` waived ENC-STO-001 while every report spelt it otherwise; an
/// invisible character in a URN glob made a waiver cover a look-alike of the resource its reviewer saw.
/// </summary>
public class WaiverValueTests
{
    private const string Critical = "ENC-STO-001"; // critical and mandatory: needs `critical: true` and an approver

    private static string Waiver(string rule = Critical, string critical = "true", string urn = "\"urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::data\"",
        string reason = "r") =>
        $"waivers:\n  - rule: {rule}\n    urn: {urn}\n    critical: {critical}\n    approver: J. Doe\n    reason: {reason}\n    expires: 2026-06-30\n";

    private static WaiverFileException Refused(string yaml)
    {
        var e = Assert.Throws<WaiverFileException>(() => WaiverLoader.Parse(yaml, "waivers.yaml"));
        Assert.False(e.Unreadable);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Theory]
    [InlineData("'true'", "waivers.yaml:4: critical is the string \"true\" (quoted); expected true or false, unquoted")]
    [InlineData("\"true\"", "waivers.yaml:4: critical is the string \"true\" (quoted); expected true or false, unquoted")]
    [InlineData("!!str true", "waivers.yaml:4: critical is the string \"true\" (tagged); expected true or false, unquoted")]
    [InlineData("yes", "waivers.yaml:4: critical is \"yes\"; expected true or false, unquoted")]
    [InlineData("1", "waivers.yaml:4: critical is \"1\"; expected true or false, unquoted")]
    public void A_string_or_number_is_not_the_boolean_critical(string critical, string expected) =>
        Assert.Equal(expected, Refused(Waiver(critical: critical)).Message);

    [Theory]
    [InlineData("true")]
    [InlineData("!!bool true")]
    public void A_yaml_boolean_is_read_as_one(string critical) =>
        Assert.True(WaiverLoader.Parse(Waiver(critical: critical), "waivers.yaml").Waivers.Single().Critical);

    [Theory]
    [InlineData("enc-sto-001", "unknown rule \"enc-sto-001\"; rule ids are case-sensitive: ENC-STO-001")]
    [InlineData("Enc-Sto-001", "unknown rule \"Enc-Sto-001\"; rule ids are case-sensitive: ENC-STO-001")]
    [InlineData("ENC-ST0-001", "unknown rule \"ENC-ST0-001\"; the nearest rule id is ENC-STO-001")]
    [InlineData("ENC-STO-01", "unknown rule \"ENC-STO-01\"; the nearest rule id is ENC-STO-001")]
    public void A_rule_id_matches_exactly_and_an_unknown_one_names_the_nearest(string rule, string expected) =>
        Assert.Contains(expected, Refused(Waiver(rule)).Message);

    [Fact]
    public void A_waiver_matches_its_rule_id_exactly()
    {
        var waiver = WaiverLoader.Parse(Waiver(), "waivers.yaml").Waivers.Single();
        const string urn = "urn:pulumi:prod::us-data-enclave::oci:ObjectStorage/bucket:Bucket::data";
        Assert.True(waiver.Matches(Critical, urn));
        Assert.False(waiver.Matches("enc-sto-001", urn));
    }

    [Theory]
    [InlineData("urn", "\"urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::data\\u200b\"", "\\u200b")]
    [InlineData("urn", "\"urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::\\u202eatad\"", "\\u202e")]
    [InlineData("urn", "\"urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::data\\U000E0041\"", "\\udb40\\udc41")]
    [InlineData("reason", "\"accepted\\e[32m OK\"", "\\u001b")]
    [InlineData("reason", "\"accepted\\u2028until the next review\"", "\\u2028")]
    [InlineData("reason", "\"risk accepted \u2502 OK \u2223 approved \u2228 fine\"", "\\u2502")] // box drawing │, divides ∣, logical or ∨
    public void A_value_with_a_character_a_reviewer_cannot_see_is_refused(string key, string value, string shown)
    {
        var yaml = key == "urn" ? Waiver(urn: value) : Waiver(reason: value);
        var message = Refused(yaml).Message;
        Assert.Contains($"{key} holds an invisible or control character", message);
        Assert.Contains(shown, message);
    }

    [Fact]
    public void A_reason_may_span_lines_in_a_block_scalar()
    {
        var yaml = Waiver(reason: "|\n      first line\n      second line");
        Assert.Equal("first line\nsecond line", WaiverLoader.Parse(yaml, "waivers.yaml").Waivers.Single().Reason);
    }

    [Theory]
    [InlineData("\"urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::dat\\u0430\"", "dat\\u0430")]          // Cyrillic a, as an escape
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::dat\u0430", "dat\\u0430")]              // Cyrillic a, raw
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::data\u2010copy", "data\\u2010copy")]    // a hyphen that is not '-'
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::\u212Aeys", "\\u212aeys")]             // Kelvin sign K
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::\uFF44ata", "\\uff44ata")]             // full-width d
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::pr\u0131vate", "pr\\u0131vate")]       // dotless i
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::\uA4D1\uA4E3\uA4F3\uA4D3-data", "\\ua4d1\\ua4e3\\ua4f3\\ua4d3")] // Lisu PROD
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::\u2CA3\u2C9Fd", "\\u2ca3\\u2c9fd")]   // Coptic p, o
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::c\u05D5oud", "c\\u05d5oud")]           // Hebrew vav for l
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::\U00010300rchive", "\\ud800\\udf00rchive")] // Old Italic A
    [InlineData("urn:pulumi:prod::*::oci:Core/vcn:Vcn::prod-\u2228cn", "prod-\\u2228cn")]                      // logical or ∨ for v
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::data\u1680copy", "data\\u1680copy")]    // Ogham space mark: drawn as a dash
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::\u2502ogs", "\\u2502ogs")]             // box drawing │ for l
    [InlineData("\"urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::data\\uFE52bak\"", "data\\ufe52bak")] // small full stop, as an escape
    [InlineData("urn:pulumi:prod::*::oci:ObjectStorage/bucket:Bucket::\U0001D100ogs", "\\ud834\\udd00ogs")]    // musical barline 𝄀 for l (round 14: astral symbols)
    public void A_urn_with_a_look_alike_of_an_ascii_character_is_refused_showing_it(string urn, string shown)
    {
        // Before: a waiver for "...::dat<Cyrillic a>" read as the waiver of the real bucket "data" and matched only a
        // look-alike bucket the same change added.
        var message = Refused(Waiver(urn: urn)).Message;
        Assert.StartsWith("waivers.yaml:3: urn holds an invisible or control character, or one that looks like another", message);
        Assert.Contains(shown, message);
    }
}
