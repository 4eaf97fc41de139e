namespace Enclave.Policy.Graph;

/// <summary>
/// Kleene three-valued logic. A rule that meets a value not known until deploy (a preview's unknown, a withheld
/// secret) must answer <see cref="Unknown"/>, never a pass or a fail.
/// </summary>
public enum Truth
{
    False = 0,
    Unknown = 1,
    True = 2,
}

public static class TruthLogic
{
    public static Truth Of(bool value) => value ? Truth.True : Truth.False;

    /// <summary>True or unknown: "may be true" (what an isolation check must rule out).</summary>
    public static bool Possible(this Truth t) => t != Truth.False;

    public static Truth Not(this Truth t) => t switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown };

    public static Truth And(this Truth a, Truth b) => (Truth)Math.Min((int)a, (int)b);

    public static Truth Or(this Truth a, Truth b) => (Truth)Math.Max((int)a, (int)b);

    /// <summary>AND over a sequence: False as soon as one is False, True only if all are True.</summary>
    public static Truth All<T>(this IEnumerable<T> items, Func<T, Truth> predicate)
    {
        var result = Truth.True;
        foreach (var item in items)
        {
            result = result.And(predicate(item));
            if (result == Truth.False) return Truth.False;
        }
        return result;
    }

    /// <summary>OR over a sequence: True as soon as one is True, False only if all are False.</summary>
    public static Truth Any<T>(this IEnumerable<T> items, Func<T, Truth> predicate)
    {
        var result = Truth.False;
        foreach (var item in items)
        {
            result = result.Or(predicate(item));
            if (result == Truth.True) return Truth.True;
        }
        return result;
    }
}
