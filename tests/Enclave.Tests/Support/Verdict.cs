namespace Enclave.Tests.Support;

/// <summary>Assertions over a rule's violations, printing them when the expectation fails.</summary>
public static class Verdict
{
    public static TheoryData<string> Stacks => new(StackFiles.Stacks);

    public static void Holds(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, "violations:\n" + string.Join("\n", violations));

    /// <summary>The rule's helper reports the deliberately broken property (mentioning <paramref name="expected"/>).</summary>
    public static void Broken(IReadOnlyList<string> violations, string expected)
    {
        Assert.NotEmpty(violations);
        Assert.Contains(violations, v => v.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }
}
