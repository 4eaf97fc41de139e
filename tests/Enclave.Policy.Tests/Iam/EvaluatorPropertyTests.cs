using Enclave.Policy.Graph;
using CsCheck;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Tests.Iam;

/// <summary>The evaluator, fed arbitrary statements, principals and queries, always answers and stays conservative.</summary>
public sealed class EvaluatorPropertyTests
{
    private static readonly Gen<Principal> Principals = Gen.OneOf(
        Gen.OneOfConst("lz-auditor-group", "Administrators", "parent-admins", "g").Select(n => Principal.GroupMember(n)),
        Gen.Const(Principal.AnyUser),
        Gen.OneOfConst("blockstorage", "cloudguard").Select(Principal.Service),
        Gen.OneOfConst<string?>(null, "serviceconnector", "cluster").Select(t => Principal.Resource(t, LandingZone.SecurityId)),
        Gen.OneOfConst<string?>(null, LandingZoneModel.ParentTenancy).Select(t => Principal.Foreign(t)));

    private static readonly Gen<string> Statement = Gen.OneOf(
        SyntaxGenerators.Mutated,
        SyntaxGenerators.Statements.Select(PolicyPrinter.Print));

    private static readonly Gen<string?> Compartment = Gen.OneOfConst<string?>(
        null, LandingZoneModel.Root, LandingZoneModel.Security, LandingZoneModel.AppDev, "urn:cmp:unknown", "ocid1.compartment.oc1..x");

    [Fact]
    public void Arbitrary_statements_and_queries_always_get_an_answer() => Gen.Select(
        Statement.Array[0, 6], Principals, Gen.OneOfConst(Verb.Inspect, Verb.Read, Verb.Use, Verb.Manage),
        Gen.OneOfConst("buckets", "keys", "all-resources", "object-family", "groups"), Compartment)
        .Sample((statements, principal, verb, type, compartment) =>
        {
            var lz = LandingZoneModel.Evaluator(LandingZoneModel.RootPolicy(statements),
                new IamPolicy("floating", null, statements));
            var decision = lz.MayAllow(principal, verb, type, compartment);
            // Definite implies MayAllow, and a definite grant is never undercut by a possible deny.
            if (decision.Definite) Assert.True(decision.MayAllow && decision.PossibleDenies.IsEmpty);
            Assert.Equal(decision.Outcome == AccessOutcome.DeniedByDeny, !decision.Denies.IsEmpty);
            Assert.All(decision.Grants, g => Assert.NotEqual(Truth.False, g.Value));
            if (decision.MayAllow) Assert.True(lz.MayAllowAnything(principal).Outcome != AccessOutcome.No);
            var table = lz.WhoMay(verb, type, compartment);
            Assert.All(table.Grants, e => Assert.NotEqual(Truth.False, e.Match.Value));
            _ = PolicyFindings.MentionedIdentities(lz.Policies.Statements);
            _ = PolicyFindings.StorageManagers(lz.Policies.Statements);
            _ = PolicyFindings.IamGrants(lz.Policies.Statements);
            _ = PolicyFindings.AdministratorsGroupUnguarded(lz.Policies.Statements);
            _ = PolicyFindings.UnscopedAnyPrincipal(lz.Policies.Statements);
        }, iter: 300);

    [Fact]
    public void Adding_statements_never_turns_a_may_allow_into_no() => Gen.Select(Statement.Array[1, 4], Principals,
        Gen.OneOfConst("buckets", "keys"), Compartment).Sample((extra, principal, type, compartment) =>
    {
        // Monotonicity of the over-approximation, for allow-only additions.
        var allows = extra.Where(s => !s.TrimStart().StartsWith("deny", StringComparison.OrdinalIgnoreCase)
            && PolicyParser.Parse(s).IsSuccess).ToArray();
        var before = LandingZoneModel.Evaluator().MayAllow(principal, Verb.Read, type, compartment);
        var after = LandingZoneModel.Evaluator(LandingZoneModel.RootPolicy(allows)).MayAllow(principal, Verb.Read, type, compartment);
        if (before.MayAllow) Assert.True(after.MayAllow);
    }, iter: 300);
}
