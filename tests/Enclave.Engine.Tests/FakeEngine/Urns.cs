namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>URNs as the engine makes them (protocol reference §3.6).</summary>
public static class Urns
{
    public const string RootStackType = "pulumi:pulumi:Stack";

    /// <summary>
    /// <c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;qualified type&gt;::&lt;name&gt;</c>, the type qualified by
    /// the parent's qualified type, except that the root stack's type never qualifies anything.
    /// </summary>
    public static string New(string stack, string project, string parentUrn, string type, string name)
    {
        var parentType = parentUrn.Length == 0 ? "" : QualifiedType(parentUrn);
        var qualified = parentType.Length == 0 || parentType == RootStackType ? type : $"{parentType}${type}";
        return $"urn:pulumi:{stack}::{project}::{qualified}::{name}";
    }

    public static string QualifiedType(string urn) => urn.Split("::")[2];

    /// <summary>The resource's own type: the last '$' segment of the qualified type.</summary>
    public static string Type(string urn) => QualifiedType(urn).Split('$')[^1];

    public static string Name(string urn) => urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
}
