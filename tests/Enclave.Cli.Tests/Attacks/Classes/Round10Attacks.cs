using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 10 (network, data and oversight side). A bucket replicating by a policy the stack does not hold (made
/// in the console or by another stack: only the deployed bucket's <c>replicationEnabled</c> says so) copies every object
/// to a destination no rule saw: ENC-REG-002 judged only the stack's ReplicationPolicy resources. An ONS action that also
/// names a stream or function, and a secret rotated by the stack's database that also names a function, carry a second
/// destination ENC-LOG-007 and ENC-KMS-050 read past. A remote standby added in the console shows only in the deployed
/// database's <c>peerDbIds</c>: it must be the stack's own standby; a vault replica only in the vault's
/// <c>replicaDetails</c>: it must be the one a VaultVerification of the stack makes. A lifecycle policy put on the archive
/// in the console shows only as the deployed bucket's <c>objectLifecyclePolicyEtag</c>: ENC-STO-006 judged only the
/// stack's ObjectLifecyclePolicy resources, so its deletes were never seen.
/// </summary>
public sealed class Round10Attacks : AttackClass
{
    public override string Name => "Round10";

    private const string Plumbing = "oversight-us-ashburn-1-alert-plumbing";
    private const string Adb = "oci:Database/autonomousDatabase:AutonomousDatabase";

    private static JsonObject RotatedByDatabase(Prod p, string? functionId)
    {
        var details = new JsonObject { ["targetSystemType"] = "ADB", ["adbId"] = p.Resource("database-adb", Adb).Json["id"]!.DeepClone() };
        if (functionId is not null) details["functionId"] = functionId;
        return new JsonObject { ["targetSystemDetails"] = details, ["isScheduledRotationEnabled"] = true, ["rotationInterval"] = "P30D" };
    }

    /// <summary>What the deployed state says of a resource beyond its inputs (an out-of-band change shows only there).</summary>
    private static ResourceEdit Deployed(ResourceEdit resource, string key, JsonNode value)
    {
        var outputs = (JsonObject)(resource.Json["outputs"] ??= new JsonObject());
        outputs[key] = value;
        return resource;
    }

    private static JsonNode IdOf(Prod p, string name) => p.Resource(name, Adb).Json["id"]!.DeepClone();

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("deployed user-data bucket replicating by a policy made in the console", "ENC-REG-002", p =>
            Deployed(p.Resource("storage-user-data"), "replicationEnabled", JsonValue.Create(true)), Forms.Export);
        yield return Attack("deployed database with a Frankfurt standby added in the console", "ENC-REG-002", p =>
            Deployed(p.Resource("database-adb", Adb), "peerDbIds", new JsonArray("ocid1.autonomousdatabase.oc1.eu-frankfurt-1.aaaaaaaaoutofband")), Forms.Export);
        yield return Attack("deployed database with a second Phoenix standby outside the stack", "ENC-REG-002", p =>
            Deployed(p.Resource("database-adb", Adb), "peerDbIds", new JsonArray(IdOf(p, "database-adb-standby"),
                "ocid1.autonomousdatabase.oc1.phx.aaaaaaaaoutofband")), Forms.Export);
        yield return Attack("deployed Phoenix vault replicated in the console", "ENC-REG-002", p =>
            Deployed(p.Resource("keys-us-phoenix-1-vault"), "replicaDetails",
                new JsonArray(new JsonObject { ["replicationId"] = "ocid1.vaultreplication.oc1.phx.aaaaaaaaoutofband" })), Forms.Export);
        yield return Attack("deployed archive bucket with a lifecycle policy made in the console", "ENC-STO-006", p =>
            Deployed(p.Resource("oversight-archive-us-ashburn-1-bucket"), "objectLifecyclePolicyEtag", JsonValue.Create("etag-consolemade")), Forms.Export);
        yield return Legitimate("deployed archive bucket reporting no lifecycle policy", p =>
            Deployed(p.Resource("oversight-archive-us-ashburn-1-bucket"), "objectLifecyclePolicyEtag", JsonValue.Create("")), Forms.Export);
        yield return Legitimate("deployed vault showing the replica its VaultVerification makes", p =>
            Deployed(p.Resource("keys-vault"), "replicaDetails",
                new JsonArray(new JsonObject { ["replicationId"] = "ocid1.vaultreplication.oc1.iad.aaaaaaaadeclared" })), Forms.Export);
        yield return Legitimate("deployed primary and standby listing each other as peers", p =>
        {
            Deployed(p.Resource("database-adb", Adb), "peerDbIds", new JsonArray(IdOf(p, "database-adb-standby")));
            Deployed(p.Resource("database-adb-standby", Adb), "peerDbIds", new JsonArray(IdOf(p, "database-adb")));
        }, Forms.Export);
        yield return Attack("user-data bucket replicating by a policy outside the stack", "ENC-REG-002", p =>
            p.Resource("storage-user-data").Set("replicationEnabled", true));
        yield return Attack("Phoenix archive bucket replicating by a policy outside the stack", "ENC-REG-002", p =>
            p.Resource("oversight-archive-us-phoenix-1-bucket").Set("replicationEnabled", true));
        yield return Attack("alert-plumbing rule's ONS action also names a stream", "ENC-LOG-007", p =>
            p.Resource(Plumbing).Set("actions.action[0].streamId", "ocid1.stream.oc1.iad.aaaaaaaaparentstream"));
        yield return Attack("alert-plumbing rule's ONS action also names a function", "ENC-LOG-007", p =>
            p.Resource(Plumbing).Set("actions.action[0].functionId", "ocid1.fnfunc.oc1.iad.aaaaaaaaparentfn"));
        yield return Attack("admin secret rotated by the database and a function", "ENC-KMS-050", p =>
            p.Resource("database-admin-secret").Set("rotationConfig", RotatedByDatabase(p, "ocid1.fnfunc.oc1.iad.aaaaaaaaparentfn")));
        yield return Legitimate("user-data bucket saying it does not replicate", p =>
            p.Resource("storage-user-data").Set("replicationEnabled", false));
        yield return Legitimate("admin secret rotated by the stack's database", p =>
            p.Resource("database-admin-secret").Set("rotationConfig", RotatedByDatabase(p, null)));
    }
}
