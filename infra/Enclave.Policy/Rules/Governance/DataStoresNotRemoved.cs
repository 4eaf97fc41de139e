using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// ENC-GOV-070: an update never deletes or replaces a data store (database, bucket, vault, key, log group, log), a copy
/// or credential of the data (backups, secrets, key versions) or a piece of oversight (<see cref="OciTypes.NeverRemoved"/>). A
/// preview's after-graph shows a deleted database simply gone and a replaced one as new, so no rule on the resources
/// sees that the data (or the keys that decrypt it, or the evidence) is lost: this rule reads the steps the loader
/// records (<see cref="ResourceGraph.Removed"/>). A state cannot show a past deletion; a replacement awaiting deletion
/// there fails ENC-GOV-031.
/// </summary>
public sealed class DataStoresNotRemoved : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-070", "An update never deletes or replaces a data store, its copies and keys, or oversight", Severity.Critical, Enforcement.Mandatory,
        "Deleting or replacing the database, a backup, a bucket, a vault, a key or key version, a secret or a log destroys user data, the keys to it or the audit evidence; deleting an alert topic, an archive connector, a piece of Cloud Guard or Data Safe blinds oversight; a replacement also drops every grant and alert tied to the old OCID.",
        "Change the data store in place (inputs that do not force a replacement), or have the gatekeepers do a reviewed migration outside the gate; never remove it from the program.");

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var any = false;
        foreach (var r in context.Graph.Removed)
        {
            if (!OciTypes.NeverRemoved.Contains(r.Type)) continue;
            any = true;
            sink.Fail(r.Urn, $"{OciTypes.ShortName(r.Type)} {UrnName(r.Urn)}: the update's \"{r.Operation}\" step deletes it and what it holds");
        }
        if (!any) sink.Pass(Scope.StackUrn(context.Graph), "the update deletes or replaces no data store, copy, key or piece of oversight");
    }

    private static string UrnName(string urn) => urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
}
