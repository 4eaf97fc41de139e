namespace Enclave.Policy.Iam;

/// <summary>Who a statement is about: named groups, <c>any-user</c>, <c>any-group</c> or services.</summary>
public abstract record Subject;

/// <summary>
/// <c>any-user</c>: every user, instance and resource principal, every service and (through admit or not) every
/// foreign principal. Oracle recommends a <c>request.principal.type</c> condition with it (rule R3).
/// </summary>
public sealed record AnyUserSubject : Subject
{
    /// <summary>The single instance.</summary>
    public static AnyUserSubject Instance { get; } = new();
}

/// <summary><c>any-group</c>: every member of any group or dynamic group.</summary>
public sealed record AnyGroupSubject : Subject
{
    /// <summary>The single instance.</summary>
    public static AnyGroupSubject Instance { get; } = new();
}

/// <summary><c>service a, b</c>: OCI service principals by name (e.g. <c>objectstorage-us-ashburn-1</c>).</summary>
/// <param name="Names">The service names, as written.</param>
public sealed record ServiceSubject(ValueList<string> Names) : Subject;

/// <summary>
/// One or more groups and/or dynamic groups, comma-separated (<c>group A, B</c>, <c>group A, group id OCID</c>).
/// </summary>
/// <param name="Groups">The references, in statement order.</param>
public sealed record GroupSubject(ValueList<GroupReference> Groups) : Subject;
