using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// Group mappings (<c>IdpGroupMapping</c>) and just-in-time provisioning rules of identity-domain providers put
/// federated identities into groups: only a provider the stack declares and <see cref="FederationTrusted"/> trusts
/// may do that. A mapping from a provider outside the stack cannot be checked, so it is not allowed.
/// </summary>
public sealed class FederationMappings : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IDN-002", "Group mappings and JIT provisioning only from allow-listed identity providers", Severity.Critical, Enforcement.Mandatory,
        "A group mapping or JIT rule is a standing grant: every identity the provider asserts lands in the group, persona groups included. From a provider the gatekeepers did not pin, that is the parent company's users in the enclave.",
        "Map groups only from providers declared in this stack and listed in `federation.identityProviders`; turn JIT provisioning off on any other provider.");

    private static readonly string[] IdpTypes = [OciTypes.IdentityProvider];

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var providers = References.Set(g.OfType(OciTypes.IdentityProvider));
        // Each provider is judged once, however many mappings name it.
        var verdicts = new Dictionary<ResourceNode, Truth>(ReferenceEqualityComparer.Instance);
        Truth Trusted(ResourceNode idp)
        {
            if (!verdicts.TryGetValue(idp, out var t)) verdicts[idp] = t = FederationTrusted.Trusted(idp, context.Policy, context.Today);
            return t;
        }
        foreach (var mapping in g.OfType(OciTypes.IdpGroupMapping))
        {
            var value = mapping.Input("identityProviderId");
            var outcome = Truth.True;
            var certain = false;
            foreach (var idp in References.Candidates(g, mapping, "identityProviderId", value, providers))
            {
                if (!providers.Contains(idp)) continue;
                var named = References.Identifies(g, mapping, "identityProviderId", value, idp, IdpTypes);
                if (named == Truth.False) continue;
                certain |= named == Truth.True;
                outcome = outcome.And(named.Not().Or(Trusted(idp)));
            }
            if (!certain) outcome = value.IsKnown ? Truth.False : outcome.And(Truth.Unknown);
            sink.Judge(mapping.Urn, outcome,
                $"{mapping.Label}: maps from an allow-listed identity provider of this stack",
                certain
                    ? $"{mapping.Label}: maps identities of an identity provider that federation.identityProviders does not pin into group {mapping.Input("groupId")}"
                    : $"{mapping.Label}: maps identities of {value}, an identity provider this stack does not declare, into group {mapping.Input("groupId")}",
                $"{mapping.Label}: its identity provider is not known until deploy");
        }
        foreach (var idp in g.OfType(OciTypes.DomainsIdentityProvider))
        {
            var jit = idp.Input("jitUserProvEnabled");
            if (jit.IsNull || jit.EqualsBool(false) == Truth.True) continue;
            var trusted = FederationTrusted.Trusted(idp, context.Policy, context.Today);
            var groups = Groups(idp);
            var outcome = jit.EqualsBool(true).Not().Or(trusted);
            sink.Judge(idp.Urn, outcome,
                $"{idp.Label}: just-in-time provisioning from an allow-listed identity provider",
                $"{idp.Label}: just-in-time provisioning creates users of an identity provider that federation.identityProviders does not pin{groups}",
                $"{idp.Label}: just-in-time provisioning or the provider's pinning not known until deploy");
        }
    }

    /// <summary>The groups JIT assigns, for the message.</summary>
    private static string Groups(ResourceNode idp)
    {
        var assigned = idp.Input("jitUserProvAssignedGroups").AsList().Select(x => x["value"].ToString());
        var mapped = idp.Input("jitUserProvGroupMappings").AsList().Select(x => x["value"].ToString());
        var all = assigned.Concat(mapped).Distinct().ToList();
        return all.Count == 0 ? "" : $" and puts them in {string.Join(", ", all)}";
    }
}
