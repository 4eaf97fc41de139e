using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>One closed type: its inert inputs, those held at the program's value and those another rule judges.</summary>
public sealed record ClosedType(string Type, Inert[] Inert, Fixed[] Fixed, JudgedBy[] Judged)
{
    public ClosedType(string type, params Inert[] inert) : this(type, inert, [], [])
    {
    }
}

/// <summary>
/// The data of <see cref="ClosedInputs"/>: per type, the inputs no rule reads that are still allowed, each with the
/// reason it cannot open a door. Inputs a rule reads come from <see cref="IsolationSettings"/> and are not repeated.
/// Split by concern (network, data and keys, oversight, tenancy); this part holds the shared groups.
/// </summary>
public static partial class ClosedInputTables
{
    /// <summary>The labels a type has (of name, display name, description and tags: each type its own, as its Args spell them).</summary>
    private static Inert Labels(params string[] keys) => new(
        "labels: a name, a display name, a description or tags name the resource and grant, route or copy nothing", keys) { AnyField = true };

    /// <summary>Every Object Storage namespace key is judged wherever it appears (the tenancy's own only).</summary>
    private static readonly JudgedBy Namespace = new("ENC-STO-030", "namespace");

    /// <summary>Every closed type, in one list.</summary>
    public static readonly ClosedType[] Declared = [.. Network, .. DataAndKeys, .. Oversight, .. Tenancy];
}
