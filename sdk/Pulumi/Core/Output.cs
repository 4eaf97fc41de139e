using System.Collections.Immutable;

namespace Pulumi;

/// <summary>
/// A value that becomes available asynchronously (usually from a resource registration) and carries
/// along the resources it depends on, whether it is known (false during preview) and whether it is secret.
/// </summary>
public sealed class Output<T> : IOutput
{
    internal Task<OutputData<T>> DataTask { get; }

    internal Output(Task<OutputData<T>> dataTask)
    {
        DataTask = dataTask;
        // Every output created while a deployment runs is tracked, so that a throwing Apply fails the run
        // instead of being silently lost.
        Deployment.TrackTask(dataTask, "Output");
    }

    internal static Output<T> FromData(OutputData<T> data) => new(Task.FromResult(data));

    internal static Output<T> CreateUnknown(T value = default!) =>
        FromData(new OutputData<T>(ImmutableHashSet<Resource>.Empty, value, false, false));

    Type IOutput.ValueType => typeof(T);

    async Task<OutputData<object?>> IOutput.GetDataAsync()
    {
        var data = await DataTask.ConfigureAwait(false);
        return new OutputData<object?>(data.Resources, data.Value, data.IsKnown, data.IsSecret);
    }

    /// <summary>The value, or <paramref name="whenUnknown"/> if the output is not known.</summary>
    internal async Task<T> GetValueAsync(T whenUnknown)
    {
        var data = await DataTask.ConfigureAwait(false);
        return data.IsKnown ? data.Value : whenUnknown;
    }

    internal async Task<ImmutableHashSet<Resource>> GetResourcesAsync() =>
        (await DataTask.ConfigureAwait(false)).Resources;

    internal async Task<bool> IsSecretAsync() => (await DataTask.ConfigureAwait(false)).IsSecret;

    internal Output<T> WithIsSecret(Task<bool> isSecret) => new(WithIsSecretAsync(DataTask, isSecret));

    private static async Task<OutputData<T>> WithIsSecretAsync(Task<OutputData<T>> dataTask, Task<bool> isSecret)
    {
        var data = await dataTask.ConfigureAwait(false);
        return data with { IsSecret = await isSecret.ConfigureAwait(false) };
    }

    internal Output<T> WithDependency(Resource resource) => new(WithDependencyAsync(DataTask, resource));

    private static async Task<OutputData<T>> WithDependencyAsync(Task<OutputData<T>> dataTask, Resource resource)
    {
        var data = await dataTask.ConfigureAwait(false);
        return data with { Resources = data.Resources.Add(resource) };
    }

    public static Output<T> Create(Task<T> value) => Output.Create(value);

    /// <summary>
    /// Transforms the value when it becomes known. The callback is not run when the value is unknown
    /// (preview); the result is then unknown as well. Secrecy and dependencies carry over.
    /// </summary>
    public Output<TResult> Apply<TResult>(Func<T, TResult> func)
        => Apply(v => Output.Create(func(v)));

    public Output<TResult> Apply<TResult>(Func<T, Task<TResult>> func)
        => Apply(v => Output.Create(func(v)));

    public Output<TResult> Apply<TResult>(Func<T, Input<TResult>?> func)
        => Apply(v => func(v).ToOutput());

    public Output<TResult> Apply<TResult>(Func<T, Output<TResult>?> func)
        => new(ApplyAsync(DataTask, func));

    /// <summary>
    /// The SDK's own combinators (maps, lists, unions, extensions): never run on an unknown value, since their
    /// callbacks cannot handle the default value an unknown output holds (the official ones would, in an update).
    /// </summary>
    internal Output<TResult> ApplyKnown<TResult>(Func<T, TResult> func)
        => new(ApplyAsync(DataTask, v => Output.Create(func(v))));

    public Output<ValueTuple> Apply(Func<T, Task> func)
        => Apply(async v =>
        {
            await func(v).ConfigureAwait(false);
            return ValueTuple.Create();
        });

    private static async Task<OutputData<TResult>> ApplyAsync<TResult>(Task<OutputData<T>> dataTask, Func<T, Output<TResult>?> func)
    {
        var data = await dataTask.ConfigureAwait(false);
        // An unknown value skips the callback and stays unknown. Kept difference (sdk/Pulumi/README.md): the official
        // SDK skips only in a preview and, in an update (an output a failed step left unknown), runs the callback on
        // the default value, which crashes callbacks written for real values.
        if (!data.IsKnown)
        {
            return new OutputData<TResult>(data.Resources, default!, false, data.IsSecret);
        }

        var inner = func(data.Value);
        if (inner is null)
        {
            return new OutputData<TResult>(data.Resources, default!, data.IsKnown, data.IsSecret);
        }

        var innerData = await inner.DataTask.ConfigureAwait(false);
        return new OutputData<TResult>(
            data.Resources.Union(innerData.Resources),
            innerData.Value,
            data.IsKnown && innerData.IsKnown,
            data.IsSecret || innerData.IsSecret);
    }

    /// <summary>
    /// Outputs are asynchronous: their text form is not their value. As in the official SDK this warns and
    /// returns guidance, or throws when PULUMI_ERROR_OUTPUT_STRING is set.
    /// </summary>
    public override string ToString()
    {
        const string message =
            "Calling [ToString] on an [Output<T>] is not supported.\n\n" +
            "To get the value of an Output<T> as an Output<string> consider:\n" +
            "1. o.Apply(v => $\"prefix{v}suffix\")\n" +
            "2. Output.Format($\"prefix{hostname}suffix\");\n\n" +
            "See https://www.pulumi.com/docs/concepts/inputs-outputs for more details.\n" +
            "This function may throw in a future version of Pulumi.";

        var setting = Environment.GetEnvironmentVariable("PULUMI_ERROR_OUTPUT_STRING");
        if (setting is "1" || string.Equals(setting, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message);
        }

        if (Deployment.TryGetInternal() is not null)
        {
            Log.Warn(message);
        }
        return message;
    }
}
