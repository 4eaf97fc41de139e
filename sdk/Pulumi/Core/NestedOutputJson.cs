using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulumi;

/// <summary>
/// Lets <see cref="Output.JsonSerialize{T}"/> write outputs and inputs nested in the value (a dictionary holding a
/// password output, say) as their values, as the official SDK's converter does, and remembers what they carried: an
/// unknown one makes the JSON unknown, a secret one makes it secret, their resources become its dependencies.
/// Without it System.Text.Json would write such an output as <c>{}</c> and drop its secrecy.
/// </summary>
internal sealed class NestedOutputJson : JsonConverterFactory
{
    private readonly object _lock = new();
    private ImmutableHashSet<Resource> _resources = ImmutableHashSet<Resource>.Empty;

    public bool SeenUnknown { get; private set; }
    public bool SeenSecret { get; private set; }

    public ImmutableHashSet<Resource> Resources
    {
        get
        {
            lock (_lock)
            {
                return _resources;
            }
        }
    }

    public override bool CanConvert(Type typeToConvert)
        => typeof(IInput).IsAssignableFrom(typeToConvert)
           || typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Output<>);

    private const string ReflectionOnly = "Output.JsonSerialize is reflection-based JSON (see its note): JIT runtime only.";

    [UnconditionalSuppressMessage("Trimming", "IL2055", Justification = ReflectionOnly)]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = ReflectionOnly)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = ReflectionOnly)]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(Writer<>).MakeGenericType(typeToConvert), this)!;

    private void Record(OutputData<object?> data)
    {
        lock (_lock)
        {
            _resources = _resources.Union(data.Resources);
            SeenUnknown |= !data.IsKnown;
            SeenSecret |= data.IsSecret;
        }
    }

    private sealed class Writer<TOutput>(NestedOutputJson owner) : JsonConverter<TOutput>
    {
        public override TOutput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => throw new NotSupportedException("Outputs are written to JSON, never read from it.");

        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = ReflectionOnly)]
        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = ReflectionOnly)]
        public override void Write(Utf8JsonWriter writer, TOutput value, JsonSerializerOptions options)
        {
            var output = value is IInput input ? input.ToOutput() : (IOutput)value!;
            // Converters are synchronous; the outer value is already known, nested outputs resolve on their own.
            var data = output.GetDataAsync().GetAwaiter().GetResult();
            owner.Record(data);
            if (!data.IsKnown || data.Value is null)
            {
                writer.WriteNullValue();
                return;
            }
            JsonSerializer.Serialize(writer, data.Value, data.Value.GetType(), options);
        }
    }
}
