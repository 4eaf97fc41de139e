using Enclave.Policy.Iam;

namespace Enclave.Policy.Tests.Iam;

/// <summary>Small helpers so parser tests read as "this text means this tree".</summary>
internal static class ParseAssert
{
    public static Statement Ok(string text)
    {
        var result = PolicyParser.Parse(text);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public static T Ok<T>(string text) where T : Statement => Assert.IsType<T>(Ok(text));

    public static ParseError Fails(string text)
    {
        var result = PolicyParser.Parse(text);
        Assert.False(result.IsSuccess, $"parsed unexpectedly: {result.Value}");
        return result.Error!;
    }

    public static GroupReference Group(string name, string? domain = null) => GroupReference.ByName(name, domain);

    public static GroupSubject Groups(params GroupReference[] groups) => new(new ValueList<GroupReference>(groups));

    public static ConditionClause Clause(string variable, ConditionOperator op, params ConditionValue[] values) =>
        new(variable, op, new ValueList<ConditionValue>(values));

    public static ConditionValue Str(string text) => ConditionValue.String(text);
}
