using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Pulumi;

/// <summary>Factory and combinator functions for <see cref="Output{T}"/>.</summary>
public static partial class Output
{
    public static Output<T> Create<T>(T value) => Output<T>.FromData(OutputData<T>.Known(value));

    public static Output<T> Create<T>(Task<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Output<T>(FromTaskAsync(value, isSecret: false));
    }

    public static Output<T> CreateSecret<T>(T value) =>
        Output<T>.FromData(new OutputData<T>(ImmutableHashSet<Resource>.Empty, value, true, true));

    public static Output<T> CreateSecret<T>(Task<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Output<T>(FromTaskAsync(value, isSecret: true));
    }

    public static Output<T> CreateSecret<T>(Output<T> value) => value.WithIsSecret(Task.FromResult(true));

    public static Output<T> Unsecret<T>(Output<T> output) => output.WithIsSecret(Task.FromResult(false));

    public static Task<bool> IsSecretAsync<T>(Output<T> output) => output.IsSecretAsync();

    private static async Task<OutputData<T>> FromTaskAsync<T>(Task<T> task, bool isSecret)
    {
        var value = await task.ConfigureAwait(false);
        return new OutputData<T>(ImmutableHashSet<Resource>.Empty, value, true, isSecret);
    }

    public static Output<ImmutableArray<T>> All<T>(params Input<T>[] inputs) => All(inputs.AsEnumerable());

    public static Output<ImmutableArray<T>> All<T>(IEnumerable<Input<T>> inputs) =>
        All(inputs.Select(i => i.ToOutput()));

    public static Output<ImmutableArray<T>> All<T>(params Output<T>[] outputs) => All(outputs.AsEnumerable());

    public static Output<ImmutableArray<T>> All<T>(IEnumerable<Output<T>> outputs) =>
        new(AllAsync(outputs.ToImmutableArray()));

    private static async Task<OutputData<ImmutableArray<T>>> AllAsync<T>(ImmutableArray<Output<T>> outputs)
    {
        var builder = ImmutableArray.CreateBuilder<T>(outputs.Length);
        var resources = ImmutableHashSet<Resource>.Empty;
        var known = true;
        var secret = false;
        foreach (var output in outputs)
        {
            var data = await output.DataTask.ConfigureAwait(false);
            builder.Add(data.Value);
            resources = resources.Union(data.Resources);
            known &= data.IsKnown;
            secret |= data.IsSecret;
        }
        return new OutputData<ImmutableArray<T>>(resources, builder.MoveToImmutable(), known, secret);
    }

    /// <summary>Appends two array outputs (used by <see cref="InputList{T}"/>).</summary>
    internal static Output<ImmutableArray<T>> Concat<T>(Output<ImmutableArray<T>> first, Output<ImmutableArray<T>> second) =>
        Tuple(first, second).ApplyKnown(t => t.Item1.IsDefault ? (t.Item2.IsDefault ? ImmutableArray<T>.Empty : t.Item2)
            : t.Item2.IsDefault ? t.Item1 : t.Item1.AddRange(t.Item2));

    /// <summary>
    /// Interpolates outputs into a string. Each hole may be a plain value, an Input or an Output; the result is
    /// unknown/secret if any hole is, and formatting uses the invariant culture.
    /// </summary>
    public static Output<string> Format(FormattableString formattableString)
    {
        var arguments = formattableString.GetArguments();
        var outputs = new IOutput[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            outputs[i] = ToObjectOutput(arguments[i]);
        }
        return new Output<string>(FormatAsync(formattableString.Format, outputs));
    }

    private static async Task<OutputData<string>> FormatAsync(string format, IOutput[] outputs)
    {
        var (values, resources, known, secret) = await GatherAsync(outputs).ConfigureAwait(false);
        var text = known ? string.Format(CultureInfo.InvariantCulture, format, values) : default!;
        return new OutputData<string>(resources, text, known, secret);
    }

    internal static IOutput ToObjectOutput(object? value) => value switch
    {
        IInput input => input.ToOutput(),
        IOutput output => output,
        _ => Create(value),
    };

    /// <summary>Awaits untyped outputs and combines their metadata.</summary>
    internal static async Task<(object?[] Values, ImmutableHashSet<Resource> Resources, bool IsKnown, bool IsSecret)> GatherAsync(IOutput[] outputs)
    {
        var values = new object?[outputs.Length];
        var resources = ImmutableHashSet<Resource>.Empty;
        var known = true;
        var secret = false;
        for (var i = 0; i < outputs.Length; i++)
        {
            var data = await outputs[i].GetDataAsync().ConfigureAwait(false);
            values[i] = data.Value;
            resources = resources.Union(data.Resources);
            known &= data.IsKnown;
            secret |= data.IsSecret;
        }
        return (values, resources, known, secret);
    }

    /// <summary>Serializes the value with System.Text.Json once it is known.</summary>
    public static Output<string> JsonSerialize<T>(Output<T> value, JsonSerializerOptions? options = null) =>
        new(JsonSerializeAsync(value, options));

    /// <summary>
    /// The official API serializes with System.Text.Json's reflection-based default. Under Native AOT that default is
    /// off and throws an InvalidOperationException naming the type; pass options whose TypeInfoResolver is a
    /// source-generated JsonSerializerContext there.
    /// </summary>
    private const string JsonByOptions = "Reflection-based JSON runs on the JIT runtime only; Native AOT callers pass source-generated options.";

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = JsonByOptions)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = JsonByOptions)]
    private static async Task<OutputData<string>> JsonSerializeAsync<T>(Output<T> value, JsonSerializerOptions? options)
    {
        var data = await value.DataTask.ConfigureAwait(false);
        if (!data.IsKnown)
        {
            return new OutputData<string>(data.Resources, default!, false, data.IsSecret);
        }
        var nested = new NestedOutputJson();
        var effective = options is null ? new JsonSerializerOptions() : new JsonSerializerOptions(options);
        effective.Converters.Add(nested);
        var json = JsonSerializer.Serialize(data.Value, effective);
        var resources = data.Resources.Union(nested.Resources);
        var secret = data.IsSecret || nested.SeenSecret;
        // As officially: an unknown output anywhere inside makes the whole JSON unknown.
        return nested.SeenUnknown
            ? new OutputData<string>(resources, default!, false, secret)
            : new OutputData<string>(resources, json, true, secret);
    }

    /// <summary>Deserializes a JSON string output with System.Text.Json once it is known.</summary>
    public static Output<T> JsonDeserialize<T>(Output<string> json, JsonSerializerOptions? options = null) =>
        new(JsonDeserializeAsync<T>(json, options));

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = JsonByOptions)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = JsonByOptions)]
    private static async Task<OutputData<T>> JsonDeserializeAsync<T>(Output<string> json, JsonSerializerOptions? options)
    {
        var data = await json.DataTask.ConfigureAwait(false);
        if (!data.IsKnown)
        {
            return new OutputData<T>(data.Resources, default!, false, data.IsSecret);
        }
        var value = JsonSerializer.Deserialize<T>(data.Value, options);
        return new OutputData<T>(data.Resources, value!, true, data.IsSecret);
    }
}
