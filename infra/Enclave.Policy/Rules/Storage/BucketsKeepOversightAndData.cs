using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Storage;

/// <summary>
/// ENC-STO-070: buckets keep emitting object events and keep their objects. The program turns object events on for
/// every bucket (the Events service sees each object write and delete only then: the gatekeepers' bucket alerts and
/// the threat events hang on them), leaves auto-tiering off (objects moved to Infrequent Access without anyone deciding
/// it), and declares no lifecycle rule: a lifecycle rule that deletes objects, or their previous versions, removes
/// user data or evidence on a timer, with no request anyone makes and no alert. Any enabled rule whose action is not
/// one that keeps the object (<c>INFREQUENT_ACCESS</c>, <c>ARCHIVE</c>, <c>ABORT</c> of unfinished uploads) fails.
/// </summary>
public sealed class BucketsKeepOversightAndData : PinnedSettingsRule
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-STO-070", "Buckets keep object events on and their objects undeleted by lifecycle", Severity.High, Enforcement.Mandatory,
        "objectEventsEnabled: false blinds every alert on object writes and deletes; a lifecycle DELETE rule removes user data or archived evidence on a timer without any request or alert; auto-tiering moves data where the program never put it.",
        "Keep objectEventsEnabled: true and autoTiering unset (or Disabled) on every bucket, and give lifecycle policies only rules that keep objects (INFREQUENT_ACCESS, ARCHIVE, ABORT) or are disabled.");

    /// <summary>Lifecycle actions that keep the object (moving it to a cheaper tier, or aborting an unfinished upload).</summary>
    private static readonly string[] Keeping = ["INFREQUENT_ACCESS", "ARCHIVE", "ABORT"];

    protected override IReadOnlyList<(string Type, Pin[] Pins)> Table { get; } =
    [
        (OciTypes.Bucket, [Pin.True("objectEventsEnabled"), Pin.UnsetOr("autoTiering", "Disabled")]),
        (OciTypes.ObjectLifecyclePolicy, [new Pin("rules",
            // Stryker disable once String : finding wording, not a control (docs/testing.md)
            "only rules that keep objects (INFREQUENT_ACCESS, ARCHIVE, ABORT) or are disabled",
            static v => v.IsNull || v is ListValue l && l.Items.All(Keeps))]),
    ];

    private static bool Keeps(PropertyValue rule) =>
        rule["isEnabled"].AsBool() == false
        || Keeping.Any(k => string.Equals(rule["action"].AsString(), k, StringComparison.OrdinalIgnoreCase));
}
