using System.Collections.Immutable;

namespace Pulumi;

/// <summary>Convenience accessors on array and union outputs.</summary>
public static class OutputExtensions
{
    public static Output<T> GetAt<T>(this Output<ImmutableArray<T>> array, Input<int> index)
        => Output.Tuple(array, index.ToOutput()).ApplyKnown(t => t.Item2 >= 0 && t.Item2 < t.Item1.Length ? t.Item1[t.Item2] : default!);

    public static Output<T> First<T>(this Output<ImmutableArray<T>> array) => array.ApplyKnown(a => a.First());

    public static Output<int> Length<T>(this Output<ImmutableArray<T>> array) => array.ApplyKnown(a => a.Length);

    public static Output<bool> IsT0<T0, T1>(this Output<Union<T0, T1>> output) => output.ApplyKnown(u => u.IsT0);

    public static Output<bool> IsT1<T0, T1>(this Output<Union<T0, T1>> output) => output.ApplyKnown(u => u.IsT1);

    public static Output<T0> AsT0<T0, T1>(this Output<Union<T0, T1>> output) => output.ApplyKnown(u => u.AsT0);

    public static Output<T1> AsT1<T0, T1>(this Output<Union<T0, T1>> output) => output.ApplyKnown(u => u.AsT1);

    public static Output<object> Value<T0, T1>(this Output<Union<T0, T1>> output) => output.ApplyKnown(u => u.Value!);
}
