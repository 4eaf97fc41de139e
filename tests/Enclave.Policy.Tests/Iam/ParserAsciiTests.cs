using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.ParseAssert;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// The policy language is read in ASCII only: a look-alike or invisible character never makes a word parse as a
/// harmless other word (a type no rule knows, a group that is no persona); the text is unreadable and counts against.
/// </summary>
public sealed class ParserAsciiTests
{
    [Theory]
    [InlineData("allow group X to manage obj\u0435cts in tenancy", 28, 0x0435)]             // Cyrillic е in the type
    [InlineData("allow group X to manage \u212Aeys in tenancy", 25, 0x212A)]                // Kelvin sign, lower-cases to k
    [InlineData("deny group 'enclave-gatekeep\u0435rs' to manage policies in tenancy", 29, 0x0435)]
    [InlineData("allow any-u\u017Fer to read buckets in tenancy", 12, 0x017F)]              // long s, upper-cases to S
    [InlineData("allow group X to read buckets in tenancy where request.region = 'IAD'\u200B", 70, 0x200B)]
    [InlineData("allow group X to read object\u00ADs in tenancy", 29, 0x00AD)]              // soft hyphen
    [InlineData("allow\u00A0group X to read buckets in tenancy", 6, 0x00A0)]               // no-break space
    [InlineData("allow group X to read buckets in tenancy\u0000", 41, 0x0000)]
    [InlineData("allow group X to read buckets in compartment usde\u2010dev", 50, 0x2010)]  // Unicode hyphen
    public void A_character_outside_ascii_makes_the_statement_unreadable(string text, int column, int code)
    {
        var error = Fails(text);
        Assert.Equal(column, error.Column);
        Assert.StartsWith($"unreadable character U+{code:X4}", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deny group 'UsdsEnclave'/'usde-prod-gatekeepers ' to manage policies in tenancy", 26)]
    [InlineData("deny group ' UsdsEnclave'/'usde-prod-gatekeepers' to manage policies in tenancy", 12)]
    [InlineData("allow group 'Ops\t' to read buckets in tenancy", 13)]
    [InlineData("allow group X to read buckets in compartment 'usde-prod' :' app'", 59)]
    public void A_quoted_name_with_spaces_at_either_end_is_unreadable(string text, int column)
    {
        var error = Fails(text);
        Assert.Equal(column, error.Column);
        Assert.Contains("without spaces at either end", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_name_with_inner_spaces_still_reads() =>
        Assert.Equal(Groups(Group("Data Team", "Dom")), Ok<GrantStatement>("allow group 'Dom'/'Data Team' to read buckets in tenancy").Subject);

    [Fact]
    public void A_matching_rule_with_a_look_alike_is_unreadable()
    {
        var result = PolicyParser.ParseCondition("ALL {resource.type = 'aut\u043Enomousdatabase', resource.compartment.id = 'ocid1.compartment.oc1..x'}");
        Assert.False(result.IsSuccess);
        Assert.Equal(26, result.Error!.Column);
    }

    [Fact]
    public void Ascii_whitespace_and_any_case_still_read_as_written()
    {
        var statement = Ok<GrantStatement>("ALLOW\tgroup 'Dom'/'Ops'\r\n  TO Manage OBJECTS\n\tIN tenancy WHERE request.region = 'IAD'");
        Assert.Equal(new VerbAccess(Verb.Manage, "objects"), statement.Access);
        Assert.Equal(Groups(Group("Ops", "Dom")), statement.Subject);
    }
}
