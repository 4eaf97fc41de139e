using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>
/// No vault, key or key version is scheduled for deletion (<c>timeOfDeletion</c>), no key is disabled
/// (<c>desiredState: DISABLED</c>), and deployed state shows none of them disabled or on its way out.
/// </summary>
public sealed class KeysNotDeleted : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-005", "No key or vault is disabled or scheduled for deletion", Severity.Critical, Enforcement.Mandatory,
        "Disabling or deleting a key makes the database, buckets and archive it encrypts unreadable: the audit evidence with them. Only the gatekeepers decide that, outside a pull request.",
        "Remove timeOfDeletion and desiredState: DISABLED; cancel the deletion in the Vault service.")
    {
        Scope = RuleScope.Resource,
    };

    private static readonly string[] Types = [OciTypes.Vault, OciTypes.Key, OciTypes.KeyVersion];

    /// <summary>
    /// Lifecycle states of a vault, key or key version that keep it usable (deployed state shows them): an allow-list, so
    /// a state on the way out (DISABLED, PENDING_DELETION, …), a failed one or one this list never named fails.
    /// </summary>
    private static readonly string[] WorkingStates = ["ACTIVE", "ENABLED", "CREATING", "ENABLING", "UPDATING", "BACKUP_IN_PROGRESS", "RESTORING", "CANCELLING_DELETION"];

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        foreach (var type in Types)
            foreach (var node in context.Graph.OfType(type))
            {
                var a = new Assessment();
                var deletion = node.Input("timeOfDeletion");
                a.Require(Scope.Present(deletion).Not(), "no deletion is scheduled", whenViolated: $"deletion scheduled for {deletion}");
                if (node.IsType(OciTypes.Key))
                {
                    var desired = node.Input("desiredState");
                    a.Require(desired.IsNull ? Truth.True : desired.EqualsString("DISABLED", StringComparison.OrdinalIgnoreCase).Not(),
                        $"desiredState ({desired}) is not DISABLED", whenViolated: "desiredState is DISABLED: the key is switched off");
                }
                // The state output is the service's word (deployed state); a preview has none yet.
                // Not computed yet (a preview's new resource) is no evidence; a secret or non-text state is unreadable.
                var state = node.Outputs.TryGetValue("state", out var s) ? s : PropertyValue.Null;
                if (state is not UnknownValue && !state.IsNull)
                    a.Require(state.AsString() is { } text ? TruthLogic.Of(WorkingStates.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase)) : Truth.Unknown,
                        $"state {state} is one that keeps it usable ({string.Join(", ", WorkingStates)})",
                        whenViolated: $"state is {state}");
                sink.Judge(node.Urn, node.Label, a);
            }
    }
}
