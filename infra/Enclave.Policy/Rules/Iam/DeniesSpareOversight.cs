using Enclave.Policy.Graph;
using Enclave.Policy.Iam;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam;

/// <summary>
/// ENC-IAM-042: a deny statement takes from the gatekeepers and the auditors nothing but user data. Every
/// other IAM rule reads what a statement grants; a deny grants nothing, so a <c>deny group auditors to read
/// audit-events</c>, <c>deny any-group to inspect all-resources</c> or <c>deny group gatekeepers to manage
/// policies</c> passed them all while blinding oversight or locking the gatekeepers out (leaving the tenancy's
/// administrators, not the enclave's, in charge); so did <c>deny service cloudguard to read audit-events</c>. A deny that
/// keeps auditors (or a service) further off user data is hardening.
/// </summary>
public sealed class DeniesSpareOversight : IamTextRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-IAM-042", "Deny statements never take from the gatekeepers or the auditors' oversight", Severity.Critical, Enforcement.Mandatory,
        "A deny overrides every allow: one that names the auditors (or any-group, any-user) on audit events, logs or configuration blinds US oversight, and one that names the gatekeepers locks the firewall's owners out, while no grant changes and no other rule sees a difference.",
        "Deny only principals other than the gatekeepers, the auditors and the services (Cloud Guard, object storage), or deny them user data only (autonomous databases, or objects and buckets with a target.bucket.name condition naming non-archive buckets).");

    /// <summary>User-data types a deny may keep the auditors off (they must never read them anyway).</summary>
    private static readonly string[] UserData =
        ["autonomous-database-family", "autonomous-databases", "autonomous-backups", "autonomous-container-databases"];

    private static readonly string[] ObjectTypes = ["object-family", "objects", "buckets"];

    // Failures and "known only at deploy" in one pass over the distinct texts (IamTextRule orders them).
    protected override IEnumerable<(PolicyStatement Statement, Truth Outcome, string Problem)> JudgeText(RuleContext context, IEnumerable<PolicyStatement> distinct)
    {
        var ids = DataAccessJudge.For(context).Identities;
        foreach (var s in distinct)
        {
            // Stryker disable once Statement : the type test binds the statement the rest reads; without it the mutant does not compile (CS0165) and Stryker drops every mutant of the method (docs/testing.md)
            if (s.Syntax is not GrantStatement { Effect: Effect.Deny } g) continue;
            foreach (var (outcome, problem) in Problems(g, ids))
                if (outcome != Truth.True) yield return (s, outcome, problem);
        }
    }

    private static IEnumerable<(Truth, string)> Problems(GrantStatement g, EnclaveIdentities ids)
    {
        switch (g.Subject)
        {
            case AnyUserSubject or AnyGroupSubject:
                // Stryker disable once String,Conditional : finding wording (docs/testing.md)
                yield return (Truth.False, $"denies {(g.Subject is AnyUserSubject ? "any-user" : "any-group")}, which covers the gatekeepers and the auditors");
                break;
            case ServiceSubject services:
                // Cloud Guard is US oversight and object storage encrypts with the enclave's key: a deny on a service
                // (read audit-events for cloudguard) blinds or breaks them while the oversight floor, which asks about
                // all-resources as a whole, still sees its grant.
                if (UserDataOnly(g, ids) is var (served, reason) && served != Truth.True)
                    // Stryker disable once String : finding wording (docs/testing.md)
                    yield return (served, $"denies service {string.Join(", ", services.Names)} {reason}: it blinds or breaks the enclave's oversight and encryption");
                break;
            case GroupSubject groups:
                foreach (var r in groups.Groups)
                {
                    if (r.IsDynamic) continue;
                    var persona = ids.PersonaOf(r);
                    if (persona is null && r.Name is null && r.Id is { } id && ids.IsPersonaGroupId(id) != Truth.False)
                    {
                        // Stryker disable once String : finding wording; the outcome (first element) stays mutated (docs/testing.md)
                        yield return (ids.IsPersonaGroupId(id) == Truth.True ? Truth.False : Truth.Unknown,
                            $"denies group id {id}, which is (or may be) a persona's group");
                        continue;
                    }
                    if (persona is Persona.Gatekeeper or Persona.Auditor && UserDataOnly(g, ids) is var (outcome, why) && outcome != Truth.True)
                        // Stryker disable once String,Equality,Conditional : finding wording (which persona's sentence); the outcome stays mutated (docs/testing.md)
                        yield return (outcome, persona == Persona.Gatekeeper
                            ? $"denies the gatekeepers ({EnclaveIdentities.Describe(r)}) {why}: it locks the firewall's owners out"
                            : $"denies the auditors ({EnclaveIdentities.Describe(r)}) {why}: it blinds US oversight");
                }
                break;
        }
    }

    /// <summary>True when the deny keeps its persona off user data only (hardening, never a lock-out or a blind spot).</summary>
    private static (Truth, string) UserDataOnly(GrantStatement g, EnclaveIdentities ids)
    {
        if (g.Access is not VerbAccess v) return (Truth.False, "by a permission list, which may take permissions the role needs");
        var type = ResourceFamilies.Canonical(v.ResourceType);
        // Stryker disable once String : the reason of a deny that spares oversight, never shown (docs/testing.md)
        if (UserData.Contains(type, StringComparer.Ordinal)) return (Truth.True, "");
        if (!ObjectTypes.Contains(type, StringComparer.Ordinal))
            // Stryker disable once String : finding wording (docs/testing.md)
            return (Truth.False, $"{v.ResourceType}, which is not user data (audit events, logs, configuration, IAM, network)");
        var pinned = ConditionProbe.Pins(g.Condition, [("target.bucket.name", name => ids.IsArchiveBucket(name).Not())]);
        // Stryker disable once String,Equality,Conditional : finding wording (which sentence); `pinned` is the verdict and stays mutated (docs/testing.md)
        return (pinned, pinned == Truth.Unknown
            ? $"{v.ResourceType}: whether its target.bucket.name condition spares the log archive is known only at deploy"
            : $"{v.ResourceType} without a target.bucket.name condition that spares the log archive");
    }
}
