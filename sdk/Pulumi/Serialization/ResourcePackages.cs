using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Pulumi.Serialization;

/// <summary>
/// Finds the resource class for a type token (via attributes deriving from <see cref="ResourceTypeAttribute"/>)
/// so a resource reference from the engine can be rehydrated as that class. Each loaded assembly is scanned
/// at most once.
/// </summary>
internal static class ResourcePackages
{
    private static readonly ConcurrentDictionary<Assembly, ImmutableArray<(string Token, string? Version, System.Type Type)>> ByAssembly = new();

    [UnconditionalSuppressMessage("Trimming", "IL2080", Justification = Trimmed)]
    public static bool TryConstruct(string type, string version, string urn, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Resource? resource)
    {
        resource = null;
        var candidates = AppDomain.CurrentDomain.GetAssemblies()
            .SelectMany(a => ByAssembly.GetOrAdd(a, Scan))
            .Where(c => c.Token == type)
            .ToList();
        if (candidates.Count == 0)
        {
            return false;
        }
        var match = candidates.FirstOrDefault(c => string.IsNullOrEmpty(version) || c.Version == version);
        if (match.Type is null)
        {
            match = candidates[0];
        }

        // Rehydrate through the public (name, args, options) constructor with the URN option.
        var name = urn.Split("::")[^1];
        var isComponent = typeof(ComponentResource).IsAssignableFrom(match.Type);
        object options = isComponent ? new ComponentResourceOptions { Urn = urn } : new CustomResourceOptions { Urn = urn };
        var constructor = match.Type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(c => c.GetParameters() is [{ } p0, _, { } p2]
                && p0.ParameterType == typeof(string) && p2.ParameterType.IsInstanceOfType(options));
        if (constructor is null)
        {
            return false;
        }
        resource = (Resource)constructor.Invoke(new[] { name, null, options });
        return true;
    }

    /// <summary>
    /// Under trimming (Native AOT) a resource class the program never names is gone, and so is its constructor: the
    /// reference is then not rehydrated as that class (TryConstruct returns false), as for an unknown type token.
    /// </summary>
    private const string Trimmed = "A resource class or constructor that trimming removed is not found, as an unknown type is not.";

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Trimmed)]
    private static ImmutableArray<(string, string?, System.Type)> Scan(Assembly assembly)
    {
        // Only assemblies that can contain resources: this one and those referencing it.
        var pulumi = typeof(Resource).Assembly;
        if (assembly != pulumi && !assembly.GetReferencedAssemblies().Any(r => r.Name == pulumi.GetName().Name))
        {
            return ImmutableArray<(string, string?, System.Type)>.Empty;
        }
        System.Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }
        var result = ImmutableArray.CreateBuilder<(string, string?, System.Type)>();
        foreach (var type in types)
        {
            if (!typeof(Resource).IsAssignableFrom(type) || type.IsAbstract)
            {
                continue;
            }
            if (type.GetCustomAttribute<ResourceTypeAttribute>(inherit: false) is { } attribute)
            {
                result.Add((attribute.Type, attribute.Version, type));
            }
        }
        return result.ToImmutable();
    }
}
