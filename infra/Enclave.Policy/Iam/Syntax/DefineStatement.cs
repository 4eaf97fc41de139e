namespace Enclave.Policy.Iam;

/// <summary>
/// <c>define tenancy|group|dynamic-group ALIAS as OCID</c>: names a foreign tenancy or group for the
/// <c>endorse</c>/<c>admit</c> statements of the same policy. It grants nothing by itself, but every define is a
/// cross-tenancy link the isolation rules must see (R2).
/// </summary>
/// <param name="Kind">What the alias stands for.</param>
/// <param name="Alias">The alias used by endorse/admit statements.</param>
/// <param name="Ocid">The OCID the alias stands for.</param>
public sealed record DefineStatement(DefineKind Kind, string Alias, string Ocid) : Statement
{
    /// <summary>Define statements never have a where clause; setting one has no effect.</summary>
    public override Condition? Condition { get => null; init { } }
}

/// <summary>What a <see cref="DefineStatement"/> gives a name to.</summary>
public enum DefineKind
{
    /// <summary><c>define tenancy</c>.</summary>
    Tenancy,

    /// <summary><c>define group</c>.</summary>
    Group,

    /// <summary><c>define dynamic-group</c>.</summary>
    DynamicGroup,
}
