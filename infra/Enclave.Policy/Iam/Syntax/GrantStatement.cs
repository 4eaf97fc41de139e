namespace Enclave.Policy.Iam;

/// <summary>
/// <c>allow|deny SUBJECT to ACCESS in LOCATION [where CONDITION]</c>: the ordinary statement that gives (or, with
/// <see cref="Effect.Deny"/>, takes away) access inside this tenancy.
/// </summary>
/// <param name="Effect">Allow or deny.</param>
/// <param name="Subject">Who the statement is about.</param>
/// <param name="Access">A verb and resource type, or a permission list.</param>
/// <param name="Location">Where in this tenancy: <c>tenancy</c>, a compartment path or a compartment OCID.</param>
/// <param name="Condition">The optional where clause.</param>
public sealed record GrantStatement(Effect Effect, Subject Subject, Access Access, Location Location, Condition? Condition)
    : Statement;
