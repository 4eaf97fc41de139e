namespace Enclave.Policy.Iam;

/// <summary>
/// A group or dynamic group named in a statement: by name (optionally domain-qualified, <c>'Dom'/'Name'</c> or
/// <c>Dom/Name</c>) or by OCID (<c>group id ocid1.group…</c>). Exactly one of <see cref="Name"/> and
/// <see cref="Id"/> is set.
/// </summary>
/// <param name="IsDynamic">True for <c>dynamic-group</c>.</param>
/// <param name="Domain">The identity domain as written; null when omitted, which OCI reads as <c>Default</c>.</param>
/// <param name="Name">The group name, or null when referenced by OCID.</param>
/// <param name="Id">The group OCID, or null when referenced by name.</param>
public sealed record GroupReference(bool IsDynamic, string? Domain, string? Name, string? Id)
{
    /// <summary>The domain OCI assumes when a statement names none.</summary>
    public const string DefaultDomain = "Default";

    /// <summary>A reference by (optionally domain-qualified) name.</summary>
    public static GroupReference ByName(string name, string? domain = null, bool dynamic = false) =>
        new(dynamic, domain, name, null);

    /// <summary>A reference by OCID.</summary>
    public static GroupReference ById(string id, bool dynamic = false) => new(dynamic, null, null, id);

    /// <summary>The domain OCI will use: the written one, or <see cref="DefaultDomain"/>.</summary>
    public string EffectiveDomain => Domain ?? DefaultDomain;
}
