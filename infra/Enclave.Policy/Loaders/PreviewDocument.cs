using System.Collections.Immutable;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Loaders;

/// <summary>
/// A step's operation (Pulumi's StepOp). An operation not listed here is refused when a preview is read: the gate
/// cannot tell whether its resource exists afterwards, so it cannot judge the result.
/// </summary>
public enum StepOp
{
    Same, Create, Update, Delete, Replace, CreateReplacement, DeleteReplaced, Read, ReadReplacement, Refresh,
    Discard, DiscardReplaced, Import, ImportReplacement, RemovePendingReplace,
}

/// <summary>Kind of change of one property path in <c>detailedDiff</c>.</summary>
public enum DiffKind { Add, AddReplace, Delete, DeleteReplace, Update, UpdateReplace }

/// <summary>One entry of <c>detailedDiff</c>: how the property changed and whether the change is in the inputs.</summary>
public sealed record PropertyDiff(DiffKind Kind, bool InputDiff)
{
    public bool Replaces => Kind is DiffKind.AddReplace or DiffKind.DeleteReplace or DiffKind.UpdateReplace;
}

/// <summary>
/// One step of a preview, in neutral form. <see cref="Old"/>/<see cref="New"/> are the states before and after
/// (null when absent: no old state on create, no new state on delete). <see cref="DetailedDiff"/> is null when the
/// preview did not fill it (common on create/delete/replace): fall back to the reasons.
/// </summary>
public sealed record PreviewStep(
    StepOp Op,
    string OpName,
    string Urn,
    string Type,
    string? Provider,
    ResourceNode? Old,
    ResourceNode? New,
    ImmutableArray<string> DiffReasons,
    ImmutableArray<string> ReplaceReasons,
    ImmutableSortedDictionary<string, PropertyDiff>? DetailedDiff)
{
    /// <summary>Whether this step's resource exists after the update (so belongs to the "after" graph).</summary>
    public bool ExistsAfter => Op is not (StepOp.Delete or StepOp.DeleteReplaced or StepOp.Read or StepOp.ReadReplacement
        or StepOp.Discard or StepOp.DiscardReplaced or StepOp.RemovePendingReplace);

    /// <summary>The operations as Pulumi writes them, for errors.</summary>
    internal static readonly string[] OpNames =
    [
        "same", "create", "update", "delete", "replace", "create-replacement", "delete-replaced", "read", "read-replacement",
        "refresh", "discard", "discard-replaced", "import", "import-replacement", "remove-pending-replace",
    ];

    internal static StepOp? ParseOp(string op) => op switch
    {
        "same" => StepOp.Same,
        "create" => StepOp.Create,
        "update" => StepOp.Update,
        "delete" => StepOp.Delete,
        "replace" => StepOp.Replace,
        "create-replacement" => StepOp.CreateReplacement,
        "delete-replaced" => StepOp.DeleteReplaced,
        "read" => StepOp.Read,
        "read-replacement" => StepOp.ReadReplacement,
        "refresh" => StepOp.Refresh,
        "discard" => StepOp.Discard,
        "discard-replaced" => StepOp.DiscardReplaced,
        "import" => StepOp.Import,
        "import-replacement" => StepOp.ImportReplacement,
        "remove-pending-replace" => StepOp.RemovePendingReplace,
        _ => null,
    };

    internal static DiffKind? ParseKind(string? kind) => kind switch
    {
        "add" => DiffKind.Add,
        "add-replace" => DiffKind.AddReplace,
        "delete" => DiffKind.Delete,
        "delete-replace" => DiffKind.DeleteReplace,
        "update" => DiffKind.Update,
        "update-replace" => DiffKind.UpdateReplace,
        _ => null,
    };
}

/// <summary>A diagnostic line of the preview (severity info, info#err, warning or error).</summary>
public sealed record PreviewDiagnostic(string? Urn, string Severity, string Message);

/// <summary>
/// A <c>pulumi preview --json</c> document. Steps are sorted by URN (the CLI's order is not deterministic), then by
/// op. <see cref="Config"/> values shown as <c>[secret]</c> are <see cref="PropertyValue.Secret"/>.
/// </summary>
public sealed record PreviewDocument(
    string Source,
    string Stack,
    string Project,
    ImmutableSortedDictionary<string, PropertyValue> Config,
    ImmutableArray<PreviewStep> Steps,
    ImmutableArray<PreviewDiagnostic> Diagnostics,
    ImmutableSortedDictionary<string, int> ChangeSummary)
{
    /// <summary><c>oci:region</c> from the config, when present and plain.</summary>
    public string? ConfigRegion => Config.TryGetValue("oci:region", out var r) ? r.AsString() : null;
}
