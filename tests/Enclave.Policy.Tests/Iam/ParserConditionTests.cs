using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.ParseAssert;

namespace Enclave.Policy.Tests.Iam;

/// <summary>Where clauses: operators, value kinds, nesting.</summary>
public sealed class ParserConditionTests
{
    private static Condition Where(string condition) =>
        Ok($"allow any-user to read buckets in tenancy where {condition}").Condition!;

    [Fact]
    public void Equality_and_inequality()
    {
        Assert.Equal(Clause("request.principal.type", ConditionOperator.Equal, Str("serviceconnector")),
            Where("request.principal.type='serviceconnector'"));
        Assert.Equal(Clause("target.group.name", ConditionOperator.NotEqual, Str("Administrators")),
            Where("target.group.name != 'Administrators'"));
    }

    [Fact]
    public void Value_kinds()
    {
        Assert.Equal(new ConditionValue(ConditionValueKind.Pattern, "Create*"),
            ((ConditionClause)Where("request.operation != /Create*/")).Values[0]);
        Assert.Equal(new ConditionValue(ConditionValueKind.Ocid, "ocid1.compartment.oc1..x"),
            ((ConditionClause)Where("target.compartment.id = ocid1.compartment.oc1..x")).Values[0]);
        Assert.Equal(new ConditionValue(ConditionValueKind.Boolean, "true"),
            ((ConditionClause)Where("request.user.mfaTotpVerified = true")).Values[0]);
        Assert.Equal(new ConditionValue(ConditionValueKind.Word, "IAD"),
            ((ConditionClause)Where("request.region = IAD")).Values[0]);
        Assert.Equal(Str("a/b*"), ((ConditionClause)Where("target.bucket.name = \"a/b*\"")).Values[0]);
    }

    [Fact]
    public void Time_operators()
    {
        Assert.Equal(Clause("request.utc-timestamp", ConditionOperator.Before, Str("2030-01-01T00:00Z")),
            Where("request.utc-timestamp before '2030-01-01T00:00Z'"));
        Assert.Equal(ConditionOperator.After, ((ConditionClause)Where("request.utc-timestamp AFTER '2020-01-01T00:00Z'")).Operator);
        Assert.Equal(Clause("request.utc-timestamp.time-of-day", ConditionOperator.Between, Str("12:00:00Z"), Str("14:00:00Z")),
            Where("request.utc-timestamp.time-of-day between '12:00:00Z' and '14:00:00Z'"));
    }

    [Fact]
    public void In_and_not_in_lists()
    {
        Assert.Equal(Clause("target.resource.tag.Ops.Env", ConditionOperator.In, Str("prod"), Str("stage")),
            Where("target.resource.tag.Ops.Env in ('prod', 'stage')"));
        Assert.Equal(Clause("request.region", ConditionOperator.NotIn, Str("IAD")),
            Where("request.region NOT IN ('IAD')"));
    }

    [Fact]
    public void Nested_all_and_any()
    {
        var c = Where("ALL {request.principal.type='cluster', Any{request.region='IAD', request.region='PHX'}}");
        var expected = new ConditionGroup(true, [
            Clause("request.principal.type", ConditionOperator.Equal, Str("cluster")),
            new ConditionGroup(false, [
                Clause("request.region", ConditionOperator.Equal, Str("IAD")),
                Clause("request.region", ConditionOperator.Equal, Str("PHX")),
            ]),
        ]);
        Assert.Equal(expected, c);
    }

    [Fact]
    public void A_variable_named_like_a_combinator_is_a_clause()
    {
        Assert.Equal(Clause("any", ConditionOperator.Equal, Str("x")), Where("any = 'x'"));
    }

    [Fact]
    public void Nesting_up_to_the_cap_parses()
    {
        var depth = PolicyParser.MaxConditionDepth;
        var text = string.Concat(Enumerable.Repeat("all {", depth)) + "request.region='IAD'" + new string('}', depth);
        Assert.IsType<ConditionGroup>(Where(text));
    }

    [Fact]
    public void Dynamic_group_matching_rule_parses_as_a_bare_condition()
    {
        var result = PolicyParser.ParseCondition("ALL {resource.type='fnfunc', resource.compartment.id='ocid1.compartment.oc1..sec'}");
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(2, ((ConditionGroup)result.Value).Items.Count);
        Assert.False(PolicyParser.ParseCondition("ALL {resource.type='fnfunc'} extra").IsSuccess);
    }
}
