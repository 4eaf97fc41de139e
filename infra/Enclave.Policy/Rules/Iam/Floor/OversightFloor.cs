using System.Collections.Immutable;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.Floor;

/// <summary>Where a floor grant must hold: the tenancy, every compartment of the stack, or where its log groups are.</summary>
public enum FloorPlace
{
    /// <summary>The root compartment (tenancy-wide grants such as audit events).</summary>
    Tenancy,

    /// <summary>Each compartment the stack declares.</summary>
    EachEnclaveCompartment,

    /// <summary>Each compartment holding one of the stack's log groups.</summary>
    EachLogGroupCompartment,
}

/// <summary>One grant the oversight must keep: <see cref="Verb"/> on <see cref="Type"/> at <see cref="Place"/>.</summary>
public sealed record FloorGrant(Verb Verb, string Type, FloorPlace Place)
{
    public override string ToString() => $"{Verb.ToString().ToLowerInvariant()} {Type}";
}

/// <summary>
/// The grant floor (rule ENC-IAM-116): what US oversight must keep, the opposite of the persona ceilings
/// (<see cref="DataAccess.PersonaCeilings"/>). Declared here and nowhere else, and equal to what the program grants
/// (infra/Enclave/Components/Iam: TenancyStatements.Auditor/Services, EnclaveStatements.Auditor; a test of
/// Enclave.Tests compares them). Removing one of these grants blinds the auditors or Cloud Guard without granting
/// anyone anything, so no ceiling or allow-list rule could see it.
/// </summary>
public static class OversightFloor
{
    /// <summary>The service principal of Cloud Guard.</summary>
    public const string CloudGuardService = "cloudguard";

    /// <summary>The auditors read the audit trail, see every resource of the enclave and read its logs.</summary>
    public static readonly ImmutableArray<FloorGrant> Auditor =
    [
        new(Verb.Read, "audit-events", FloorPlace.Tenancy),
        new(Verb.Inspect, "all-resources", FloorPlace.EachEnclaveCompartment),
        new(Verb.Read, "log-content", FloorPlace.EachLogGroupCompartment),
    ];

    /// <summary>Cloud Guard reads the whole tenancy to detect problems and uses NSGs to respond (landing-zone wording).</summary>
    public static readonly ImmutableArray<FloorGrant> CloudGuard =
    [
        new(Verb.Read, "all-resources", FloorPlace.Tenancy),
        new(Verb.Use, "network-security-groups", FloorPlace.Tenancy),
    ];
}
