using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Pulumi;

/// <summary>
/// The root resource of a program (<c>pulumi:pulumi:Stack</c>, named <c>&lt;project&gt;-&lt;stack&gt;</c>).
/// Derive from it and create resources in the constructor; public [Output] properties become stack outputs.
/// </summary>
public class Stack : ComponentResource
{
    /// <summary>The stack outputs; registered with the engine once they resolve.</summary>
    internal Output<IDictionary<string, object?>> Outputs { get; private set; } =
        Output.Create<IDictionary<string, object?>>(ImmutableDictionary<string, object?>.Empty);

    public Stack(StackOptions? options = null)
        : base(Constants.RootStackType,
            $"{Deployment.Instance.ProjectName}-{Deployment.Instance.StackName}",
            ConvertOptions(options))
    {
        // Every other unparented resource is registered under this one.
        Deployment.InternalInstance.Stack = this;
    }

    /// <summary>The stack behind the delegate forms of RunAsync/TestAsync: outputs come from <paramref name="init"/>.</summary>
    internal Stack(Func<Task<IDictionary<string, object?>>> init, StackOptions? options) : this(options)
    {
        try
        {
            Outputs = Output.Create(RunInitAsync(init));
        }
        finally
        {
            RegisterOutputsInternal(Outputs);
        }
    }

    /// <summary>
    /// Collects the [Output] properties declared on the derived stack class and registers them as stack outputs.
    /// A null one means the constructor did not assign it, which is reported with the official message.
    /// </summary>
    internal void RegisterPropertyOutputs()
    {
        var outputs = new List<KeyValuePair<string, object?>>();
        foreach (var (property, name) in StackOutputProperties.For(GetType()))
        {
            outputs.Add(new KeyValuePair<string, object?>(name, property.GetValue(this)));
        }

        var nulls = outputs.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList();
        if (nulls.Count > 0)
        {
            throw new RunException($"Output(s) '{string.Join(", ", nulls)}' have no value assigned. [Output] attributed properties must be assigned inside Stack constructor.");
        }

        var wrongTypes = outputs
            .Where(kv => !(kv.Value!.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Output<>)))
            .Select(kv => kv.Key)
            .ToList();
        if (wrongTypes.Count > 0)
        {
            throw RunException.OutputsHaveIncorrectType(wrongTypes);
        }

        IDictionary<string, object?> dictionary = new Dictionary<string, object?>(outputs);
        Outputs = Output.Create(dictionary);
        RegisterOutputsInternal(Outputs);
    }

    private static async Task<IDictionary<string, object?>> RunInitAsync(Func<Task<IDictionary<string, object?>>> init)
    {
        var dictionary = await init().ConfigureAwait(false);
        return dictionary.ToImmutableDictionary();
    }

    // The stack's transformations become its own, so they run for the stack and every resource below it.
    private static ComponentResourceOptions? ConvertOptions(StackOptions? options)
        => options is null ? null : new ComponentResourceOptions
        {
            ResourceTransformations = options.ResourceTransformations.ToList(),
        };

    /// <summary>Per-type cache of a stack class's own public [Output] properties.</summary>
    private static class StackOutputProperties
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ImmutableArray<(PropertyInfo, string)>> Cache = new();

        public static ImmutableArray<(PropertyInfo Property, string Name)> For([DynamicallyAccessedMembers(ReflectedMembers)] Type type)
            => Cache.TryGetValue(type, out var properties) ? properties : Cache.GetOrAdd(type, Reflect(type));

        // Resource's [DynamicallyAccessedMembers] keeps the public properties of every stack class.
        private static ImmutableArray<(PropertyInfo Property, string Name)> Reflect([DynamicallyAccessedMembers(ReflectedMembers)] Type t)
            => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(p => (p, attr: p.GetCustomAttribute<OutputAttribute>()))
                .Where(x => x.attr is not null)
                .Select(x => (x.p, x.attr!.Name ?? x.p.Name))
                .ToImmutableArray();
    }
}

/// <summary>Options for the root stack resource.</summary>
public class StackOptions
{
    private List<ResourceTransformation>? _resourceTransformations;

    /// <summary>Transformations applied to the stack and every resource in it.</summary>
    public List<ResourceTransformation> ResourceTransformations
    {
        get => _resourceTransformations ??= new List<ResourceTransformation>();
        set => _resourceTransformations = value;
    }
}
