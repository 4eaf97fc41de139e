using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Pulumi;

/// <summary>
/// A logical grouping of resources. Children pass <c>Parent = this</c>; their URNs then nest under the
/// component's type. Registering outputs is optional.
/// </summary>
public class ComponentResource : Resource
{
    public ComponentResource(string type, string name, ComponentResourceOptions? options = null)
        : this(type, name, ResourceArgs.Empty, options)
    {
    }

    public ComponentResource(string type, string name, ResourceArgs? args, ComponentResourceOptions? options = null, bool remote = false)
        : base(type, name, custom: false, args ?? ResourceArgs.Empty, options ?? new ComponentResourceOptions(), remote)
    {
    }

    public ComponentResource(string type, string name, ResourceArgs? args, ComponentResourceOptions? options, bool remote, RegisterPackageRequest? registerPackageRequest = null)
        : this(type, name, args, options, remote)
    {
    }

    /// <summary>Registers this component's own public [Output] properties (except the URN) as its outputs.</summary>
    protected void RegisterOutputs()
    {
        var outputs = new Dictionary<string, object?>();
        var type = GetType();
        if (!OwnOutputProperties.TryGetValue(type, out var properties))
        {
            properties = OwnOutputProperties.GetOrAdd(type, ReflectOutputs(type));
        }
        foreach (var (property, name) in properties)
        {
            outputs[name] = property.GetValue(this);
        }
        RegisterOutputs(outputs);
    }

    // Resource's [DynamicallyAccessedMembers] keeps the public properties of every component class.
    private static ImmutableArray<(PropertyInfo Property, string Name)> ReflectOutputs([DynamicallyAccessedMembers(ReflectedMembers)] Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, attribute: p.GetCustomAttribute<OutputAttribute>()))
            .Where(x => x.attribute is not null && x.p.Name != nameof(Urn))
            .Select(x => (x.p, string.IsNullOrWhiteSpace(x.attribute!.Name) ? x.p.Name : x.attribute!.Name))
            .ToImmutableArray();

    /// <summary>Per-type cache of the [Output] properties RegisterOutputs() collects.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ImmutableArray<(PropertyInfo Property, string Name)>> OwnOutputProperties = new();

    protected void RegisterOutputs(IDictionary<string, object?> outputs)
        => RegisterOutputs(Task.FromResult(outputs ?? throw new ArgumentNullException(nameof(outputs))));

    protected void RegisterOutputs(Task<IDictionary<string, object?>> outputs)
        => RegisterOutputs(Output.Create(outputs ?? throw new ArgumentNullException(nameof(outputs))));

    protected void RegisterOutputs(Output<IDictionary<string, object?>> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        Deployment.InternalInstance.RegisterResourceOutputs(this, outputs);
    }

    /// <summary>Stack registers its outputs through the same path.</summary>
    internal void RegisterOutputsInternal(Output<IDictionary<string, object?>> outputs) => RegisterOutputs(outputs);

    internal static IDictionary<string, object?> EmptyOutputs => ImmutableDictionary<string, object?>.Empty;
}
