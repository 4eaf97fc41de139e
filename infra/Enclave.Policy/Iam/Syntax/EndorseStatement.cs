namespace Enclave.Policy.Iam;

/// <summary>
/// <c>[deny] endorse SUBJECT to ACCESS in (tenancy ALIAS | any-tenancy) [where …]</c>: lets this tenancy's
/// subject act in another tenancy. With an <see cref="AssociateAccess"/> the form is
/// <c>endorse SUBJECT to associate T in LOCATION with T2 in tenancy ALIAS</c> and <see cref="Location"/> is the
/// local side. It grants nothing inside this tenancy, but it is a cross-tenancy link (R2).
/// </summary>
/// <param name="Effect">Endorse or <c>deny endorse</c>.</param>
/// <param name="Subject">The local subject being endorsed.</param>
/// <param name="Access">What it may do over there.</param>
/// <param name="Location">A <see cref="ForeignTenancyLocation"/> or <see cref="AnyTenancyLocation"/>; for the associate form, the local location.</param>
/// <param name="Condition">The optional where clause.</param>
public sealed record EndorseStatement(Effect Effect, Subject Subject, Access Access, Location Location, Condition? Condition)
    : Statement;
