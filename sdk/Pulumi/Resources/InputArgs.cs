using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Pulumi.Serialization;

namespace Pulumi;

/// <summary>
/// Base of every argument bag. Members marked <see cref="InputAttribute"/> (public or not, fields or
/// properties) become the wire properties; the member list is reflected once per type and cached.
/// </summary>
[DynamicallyAccessedMembers(ReflectedMembers)]
public abstract class InputArgs
{
    /// <summary>What InputArgsInfo reflects over: trimming (Native AOT) keeps these members of every args class.</summary>
    internal const DynamicallyAccessedMemberTypes ReflectedMembers =
        DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields |
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.NonPublicProperties;

    protected InputArgs()
    {
    }

    /// <summary>
    /// The raw member values keyed by wire name. A required member that is null fails with the official
    /// ArgumentNullException text; <c>json: true</c> members are turned into a JSON string input.
    /// </summary>
    internal virtual ImmutableDictionary<string, object?> ToDictionary()
    {
        var info = InputArgsInfo.For(GetType());
        var builder = ImmutableDictionary.CreateBuilder<string, object?>();
        foreach (var member in info.Members)
        {
            var value = member.GetValue(this);
            if (member.IsRequired && value is null)
            {
                throw new ArgumentNullException(member.MemberName, $"{member.FullName} is required but was not given a value");
            }
            if (member.Json)
            {
                value = JsonInput.Convert(member.FullName, value);
            }
            builder[member.WireName] = value;
        }
        return builder.ToImmutable();
    }
}

/// <summary>Arguments of a resource constructor.</summary>
public abstract class ResourceArgs : InputArgs
{
    public static readonly ResourceArgs Empty = new EmptyResourceArgs();

    protected ResourceArgs()
    {
    }

    private sealed class EmptyResourceArgs : ResourceArgs
    {
    }
}

/// <summary>Arguments of a provider function (invoke).</summary>
public abstract class InvokeArgs : InputArgs
{
    public static readonly InvokeArgs Empty = new EmptyInvokeArgs();

    protected InvokeArgs()
    {
    }

    private sealed class EmptyInvokeArgs : InvokeArgs
    {
    }
}

/// <summary>Arguments of a resource method (call).</summary>
public abstract class CallArgs : InputArgs
{
    public static readonly CallArgs Empty = new EmptyCallArgs();

    protected CallArgs()
    {
    }

    private sealed class EmptyCallArgs : CallArgs
    {
    }
}

/// <summary>Resource arguments given as a plain dictionary of wire names to values.</summary>
public sealed class DictionaryResourceArgs : ResourceArgs
{
    private readonly ImmutableDictionary<string, object?> _dictionary;

    public DictionaryResourceArgs(ImmutableDictionary<string, object?> dictionary)
    {
        _dictionary = dictionary;
    }

    internal override ImmutableDictionary<string, object?> ToDictionary() => _dictionary;
}

/// <summary>Invoke arguments given as a plain dictionary of wire names to values.</summary>
public sealed class DictionaryInvokeArgs : InvokeArgs
{
    private readonly ImmutableDictionary<string, object?> _dictionary;

    public DictionaryInvokeArgs(ImmutableDictionary<string, object?> dictionary)
    {
        _dictionary = dictionary;
    }

    internal override ImmutableDictionary<string, object?> ToDictionary() => _dictionary;
}
