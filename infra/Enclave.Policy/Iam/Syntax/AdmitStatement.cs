namespace Enclave.Policy.Iam;

/// <summary>
/// <c>[deny] admit SUBJECT of tenancy ALIAS to ACCESS in LOCATION [where …]</c>: lets principals of another
/// tenancy act here. This is exactly how a parent-company identity would reach the enclave, so the evaluator
/// treats every admit as one that may grant to foreign principals.
/// </summary>
/// <param name="Effect">Admit or <c>deny admit</c>.</param>
/// <param name="Subject">The foreign subject (aliases from <c>define</c>, <c>any-user</c>, or a service).</param>
/// <param name="TenancyAlias">The alias of the foreign tenancy.</param>
/// <param name="Access">What the foreign subject may do here.</param>
/// <param name="Location">Where in this tenancy.</param>
/// <param name="Condition">The optional where clause.</param>
public sealed record AdmitStatement(
    Effect Effect, Subject Subject, string TenancyAlias, Access Access, Location Location, Condition? Condition)
    : Statement;
