namespace Pulumi;

// The attributes below are how generated provider SDKs describe their wire shape; the serializer and
// converter read them (through cached reflection, see Serialization/TypeInfoCache.cs).

/// <summary>Marks a resource property as an output with the given wire name.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    public string? Name { get; }

    public OutputAttribute(string? name = null)
    {
        Name = name;
    }
}

/// <summary>Marks an args field/property as an input with its wire name.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    internal string Name { get; }
    internal bool IsRequired { get; }
    internal bool Json { get; }

    public InputAttribute(string name, bool required = false, bool json = false)
    {
        Name = name;
        IsRequired = required;
        Json = json;
    }
}

/// <summary>Marks a class as a complex output type built from the wire through its [OutputConstructor].</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OutputTypeAttribute : Attribute
{
}

/// <summary>Marks the constructor of an [OutputType] class; its parameter names are the wire names.</summary>
[AttributeUsage(AttributeTargets.Constructor)]
public sealed class OutputConstructorAttribute : Attribute
{
}

/// <summary>Overrides the wire name of an [OutputConstructor] parameter.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OutputConstructorParameterAttribute : Attribute
{
    public string Name { get; }

    public OutputConstructorParameterAttribute(string name)
    {
        Name = name;
    }
}

/// <summary>Marks a struct as a string- or double-backed enum of a provider schema.</summary>
[AttributeUsage(AttributeTargets.Struct)]
public sealed class EnumTypeAttribute : Attribute
{
}

/// <summary>Associates a resource class with its type token; generated SDKs derive their own attribute from it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public class ResourceTypeAttribute : Attribute
{
    public string Type { get; }
    public string? Version { get; }

    public ResourceTypeAttribute(string type, string? version)
    {
        Type = type;
        Version = version;
    }
}
