using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.ParseAssert;

namespace Enclave.Policy.Tests.Iam;

/// <summary>Bad statements come back as one clear error: what was expected, the 1-based column, the statement.</summary>
public sealed class ParserErrorTests
{
    [Fact]
    public void Missing_to_reports_reason_column_and_statement()
    {
        var error = Fails("allow group X manage vcns in tenancy");
        Assert.Equal("expected 'to' after the subject at column 15 in: allow group X manage vcns in tenancy", error.Message);
        Assert.Equal(15, error.Column);
    }

    [Theory]
    [InlineData("", 1, "expected a statement (allow, deny, define, endorse or admit)")]
    [InlineData("   ", 4, "expected a statement (allow, deny, define, endorse or admit)")]
    [InlineData("permit group X to read buckets in tenancy", 1, "expected a statement (allow, deny, define, endorse or admit)")]
    [InlineData("allow X to read buckets in tenancy", 7, "expected a subject (group, dynamic-group, any-user, any-group or service) after 'allow'")]
    [InlineData("allow group X to manage vcns", 29, "expected 'in' after the resource type")]
    [InlineData("allow group X to frobnicate vcns in tenancy", 18, "expected a verb (inspect, read, use, manage) or a permission list after 'to'")]
    [InlineData("allow group X to manage in tenancy where", 25, "expected a resource type after 'manage'")]
    [InlineData("allow group X to manage vcns in compartment", 44, "expected a compartment name or 'id' after 'compartment'")]
    [InlineData("allow group X to manage vcns in compartment a:", 47, "expected a compartment name after ':'")]
    [InlineData("allow group X to manage vcns in region", 33, "expected a location (tenancy or compartment) after 'in'")]
    [InlineData("allow group X to manage users|groups in tenancy", 30, "expected 'in' after the resource type")]
    [InlineData("allow group X to manage vcns in tenancy please", 41, "expected 'where' or the end of the statement after the location")]
    [InlineData("allow group id Admins to read buckets in tenancy", 16, "expected an OCID after 'id'")]
    [InlineData("allow group 'Dom/Name to read buckets in tenancy", 13, "expected a closing ' for the text that starts")]
    [InlineData("allow group Dom/ to read buckets in tenancy", 18, "expected a group name after '/'")]
    [InlineData("allow group '' to read buckets in tenancy", 13, "expected a group name or 'id', not an empty quoted name")]
    [InlineData("allow service to read buckets in tenancy", 15, "expected a service name")]
    [InlineData("allow group to read buckets in tenancy", 13, "expected a group name or 'id'")]
    [InlineData("allow group X to {A, } in tenancy", 22, "expected a permission name in the permission list")]
    [InlineData("allow group X to {A B} in tenancy", 21, "expected ',' or '}' in the permission list")]
    [InlineData("define tenancy T as notanocid", 21, "expected an OCID after 'as'")]
    [InlineData("define compartment T as ocid1.compartment.oc1..x", 8, "expected 'tenancy', 'group' or 'dynamic-group' after 'define'")]
    [InlineData("define tenancy T as ocid1.tenancy.oc1..x where request.region='IAD'", 42, "expected the end of the statement after the OCID")]
    [InlineData("admit group A to read objects in tenancy", 15, "expected 'of' after the admitted subject")]
    [InlineData("endorse group A to read objects in tenancy", 43, "expected a tenancy alias after 'tenancy'")]
    [InlineData("endorse group A to read objects in compartment x", 36, "expected 'tenancy ALIAS' or 'any-tenancy' after 'in'")]
    [InlineData("endorse group A to associate lpgs in compartment x", 51, "expected 'with' after the location of an associate statement")]
    public void Statement_errors(string text, int column, string reason)
    {
        var error = Fails(text);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(column, error.Column);
        Assert.Equal(text, error.Text);
        Assert.Equal($"{reason} at column {column} in: {text}", error.Message);
    }

    [Theory]
    [InlineData("request.region 'IAD'", "'IAD'", "expected an operator (=, !=, in, not in, before, after, between) after 'request.region'")]
    [InlineData("request.region = ", "", "expected a value ('text', /pattern/, OCID, true/false or a word) after '='")]
    [InlineData("request.operation != /Create*", "/Create*", "expected a closing / for the pattern that starts")]
    [InlineData("request.operation != //", "//", "expected a pattern between the slashes")]
    [InlineData("all {request.region='IAD'", "", "expected ',' or '}' in the all {…} list")]
    [InlineData("any {}", "}", "expected a condition (a variable such as request.principal.type, or all {…} / any {…})")]
    [InlineData("request.region in 'IAD'", "'IAD'", "expected '(' after 'in'")]
    [InlineData("request.region in ('IAD' 'PHX')", "'PHX'", "expected ',' or ')' in the value list")]
    [InlineData("request.region not 'IAD'", "'IAD'", "expected 'in' after 'not'")]
    [InlineData("request.utc-timestamp between '1' '2'", "'2'", "expected 'and' after the first value of 'between'")]
    [InlineData("request.region = 'IAD' request.ad = '1'", "request.ad", "expected the end of the statement after the condition")]
    public void Condition_errors(string condition, string at, string reason)
    {
        var text = "allow any-user to read buckets in tenancy where " + condition;
        var error = Fails(text);
        Assert.Equal(reason, error.Reason);
        var expectedColumn = at.Length == 0 ? text.Length + 1 : text.LastIndexOf(at, StringComparison.Ordinal) + 1;
        Assert.Equal(expectedColumn, error.Column);
    }

    [Fact]
    public void Nesting_beyond_the_cap_is_a_clear_error_not_a_crash()
    {
        var depth = PolicyParser.MaxConditionDepth + 1;
        var prefix = "allow any-user to read buckets in tenancy where ";
        var text = prefix + string.Concat(Enumerable.Repeat("any {", depth)) + "a='b'" + new string('}', depth);
        var error = Fails(text);
        Assert.Equal($"conditions are nested deeper than {PolicyParser.MaxConditionDepth} levels", error.Reason);
        Assert.Equal(prefix.Length + 5 * PolicyParser.MaxConditionDepth + 1, error.Column);
    }

    [Fact]
    public void Null_is_an_error_value()
    {
        var result = PolicyParser.Parse(null);
        Assert.False(result.IsSuccess);
        Assert.Equal(1, result.Error!.Column);
    }

    [Fact]
    public void Line_breaks_count_as_one_column_and_print_escaped()
    {
        var error = Fails("allow group X\nmanage vcns in tenancy");
        Assert.Equal(15, error.Column);
        Assert.Equal("expected 'to' after the subject at column 15 in: allow group X\\nmanage vcns in tenancy", error.Message);
    }

    [Fact]
    public void Long_statements_are_quoted_as_a_window_around_the_column()
    {
        var text = "allow group " + new string('x', 5000) + " manage vcns in tenancy";
        var error = Fails(text);
        Assert.Equal(5014, error.Column);
        Assert.True(error.Message.Length < 400, error.Message);
        Assert.Contains("x manage vcns", error.Message);
        Assert.StartsWith("expected 'to' after the subject at column 5014 in: …", error.Message);
    }

    [Fact]
    public void Batch_keeps_order_and_reports_each_error()
    {
        var results = PolicyParser.ParseAll(["allow any-user to read buckets in tenancy", "allow", null]);
        Assert.Equal(3, results.Length);
        Assert.True(results[0].IsSuccess);
        Assert.Equal("allow", results[1].Text);
        Assert.False(results[1].IsSuccess);
        Assert.False(results[2].IsSuccess);
    }
}
