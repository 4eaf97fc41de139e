namespace Enclave.Policy.Iam;

/// <summary>Where a statement applies (the part after <c>in</c>).</summary>
public abstract record Location;

/// <summary><c>in tenancy</c>: the root compartment and therefore everything.</summary>
public sealed record TenancyLocation : Location
{
    /// <summary>The single instance.</summary>
    public static TenancyLocation Instance { get; } = new();
}

/// <summary>
/// <c>in compartment a:b:c</c>: a path of names resolved relative to the compartment the policy is attached to.
/// </summary>
/// <param name="Path">The names, outermost first.</param>
public sealed record CompartmentPathLocation(ValueList<string> Path) : Location;

/// <summary><c>in compartment id OCID</c>: safer than a path, since a rename cannot retarget it.</summary>
/// <param name="Id">The compartment OCID.</param>
public sealed record CompartmentIdLocation(string Id) : Location;

/// <summary><c>in tenancy ALIAS</c> (endorse only): a foreign tenancy named by a <c>define</c>.</summary>
/// <param name="Alias">The tenancy alias.</param>
public sealed record ForeignTenancyLocation(string Alias) : Location;

/// <summary><c>in any-tenancy</c> (endorse only).</summary>
public sealed record AnyTenancyLocation : Location
{
    /// <summary>The single instance.</summary>
    public static AnyTenancyLocation Instance { get; } = new();
}
