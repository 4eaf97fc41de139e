using System.Globalization;
using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Red team round 11 (network, data and oversight side). Drift: the rules judged what the program set (inputs); a change
/// made in the console shows only in what the cloud holds (outputs, brought in by <c>pulumi refresh</c> or kept by an
/// <c>ignoreChanges</c> option), so a bucket made public, an open ingress rule added to the default security list, the
/// archive's retention lock removed, a flow log switched off or a bucket re-keyed to a parent-company key passed while
/// the inputs still said closed. ENC-GOV-092 holds every judged setting's deployed value to the program's; provider
/// defaults beside the inputs, reordered lists and a lock time echoed with milliseconds are not drift. A bucket made the
/// destination of a replication outside the stack (the service marks it <c>isReadOnly</c>) must receive a replication
/// policy of this stack (ENC-REG-002). A key remade as AES-128 or as an RSA key passed (its shape was held inert):
/// every key must be an AES-256 master encryption key (ENC-KMS-092). The database's admin password read from a secret
/// of another vault (secretId, held inert as a credential) must come from a secret of this stack (ENC-GOV-023).
/// </summary>
public sealed class Round11Attacks : AttackClass
{
    public override string Name => "Round11";

    private const string Archive = "oversight-archive-us-ashburn-1-bucket";

    /// <summary>What the cloud holds for <paramref name="key"/> after a change outside the stack (outputs only).</summary>
    private static ResourceEdit Deployed(ResourceEdit resource, string key, JsonNode? value)
    {
        var outputs = (JsonObject)(resource.Json["outputs"] ??= new JsonObject());
        outputs[key] = value;
        return resource;
    }

    private static JsonNode InputOf(ResourceEdit r, string key) => r.Inputs[key]!.DeepClone();

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("user-data bucket made public in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource("storage-user-data"), "accessType", JsonValue.Create("ObjectRead")));
        yield return Attack("user-data bucket's versioning suspended in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource("storage-user-data"), "versioning", JsonValue.Create("Suspended")));
        yield return Attack("user-data bucket re-keyed to a parent-company key in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource("storage-user-data"), "kmsKeyId", JsonValue.Create("ocid1.key.oc1.iad.aaaaaaaaparentcokey")));
        yield return Attack("default security list given an open ingress rule in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource("network-default-security-list"), "ingressSecurityRules", new JsonArray(new JsonObject
            {
                ["protocol"] = "all", ["source"] = "0.0.0.0/0", ["sourceType"] = "CIDR_BLOCK", ["stateless"] = false,
            })));
        yield return Attack("archive bucket's retention lock removed in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource(Archive), "retentionRules", new JsonArray()));
        yield return Attack("data subnet flow log switched off in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource("network-data-flow-log"), "isEnabled", JsonValue.Create(false)));
        yield return Attack("database listener rule opened to every port in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource("network-db-from-app"), "tcpOptions", new JsonObject
            {
                ["destinationPortRange"] = new JsonObject { ["min"] = 1, ["max"] = 65535 },
            }));
        yield return Attack("database listener rule's port range removed in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource("network-db-from-app"), "tcpOptions", null));
        yield return Attack("database switched to a public endpoint in the console", "ENC-GOV-092", p =>
            Deployed(p.Resource("database-adb", "oci:Database/autonomousDatabase:AutonomousDatabase"), "subnetId", JsonValue.Create("")));
        yield return Attack("bastion allow-list widened in the console", "ENC-GOV-092", p =>
        {
            var bastion = p.Resource("network-bastion");
            var list = (JsonArray)InputOf(bastion, "clientCidrBlockAllowLists");
            list.Add("0.0.0.0/0");
            return Deployed(bastion, "clientCidrBlockAllowLists", list);
        });
        yield return Attack("data route table given a second route in the console", "ENC-GOV-092", p =>
        {
            var routes = p.Resource("network-data-routes");
            var rules = (JsonArray)InputOf(routes, "routeRules");
            rules.Add(new JsonObject
            {
                ["destination"] = "0.0.0.0/0", ["destinationType"] = "CIDR_BLOCK",
                ["networkEntityId"] = "ocid1.internetgateway.oc1.iad.aaaaaaaaconsolemade",
            });
            return Deployed(routes, "routeRules", rules);
        });
        // A bucket the service marks read-only is the destination of a replication: one made in the console writes
        // objects of a source the gate never judged into the enclave's bucket, and the archive's own log writes fail.
        yield return Attack("archive bucket made the destination of a replication in the console", "ENC-REG-002", p =>
            Deployed(p.Resource(Archive), "isReadOnly", JsonValue.Create(true)));
        yield return Attack("user-data bucket made the destination of a replication in the console", "ENC-REG-002", p =>
            Deployed(p.Resource("storage-user-data"), "isReadOnly", JsonValue.Create(true)));
        // A key's shape is its strength: the program makes AES-256 master encryption keys (ENC-KMS-092).
        yield return Attack("buckets key made AES-128", "ENC-KMS-092", p => p.Resource("keys-buckets-key").Set("keyShape.length", 16));
        yield return Attack("database key made an RSA key", "ENC-KMS-092", p => p.Resource("keys-database-key")
            .Set("keyShape", new JsonObject { ["algorithm"] = "RSA", ["length"] = 256 }));
        yield return Legitimate("a second AES-256 key added to the vault beside the secrets key", p =>
        {
            var inputs = (JsonObject)p.Resource("keys-secrets-key").Inputs.DeepClone();
            inputs["displayName"] = "usde-prod-secrets-key-2";
            p.Add("oci:Kms/key:Key", "keys-secrets-key-2", inputs, "keys-secrets-key").Json["protect"] = true;
        });
        // Where the database's admin password is read from (secretId) was held inert as a credential: a secret of a
        // parent-company vault hands the password to that vault's holders (ENC-GOV-023).
        yield return Attack("database admin password read from a parent-company vault's secret", "ENC-GOV-023", p =>
            p.Resource("database-adb", "oci:Database/autonomousDatabase:AutonomousDatabase").Set("secretId", "ocid1.vaultsecret.oc1.iad.aaaaaaaaparentcosecret"));
        yield return Legitimate("database admin password pinned to a version of the stack's secret", p =>
            p.Resource("database-adb", "oci:Database/autonomousDatabase:AutonomousDatabase").Set("secretVersionNumber", 2));
        yield return Legitimate("deployed state echoing provider defaults beside the program's values", p =>
        {
            var rule = p.Resource("network-db-from-app");
            var tcp = (JsonObject)InputOf(rule, "tcpOptions");
            tcp["sourcePortRange"] = null;
            Deployed(rule, "tcpOptions", tcp);
            Deployed(rule, "isValid", JsonValue.Create(true));
            var bucket = p.Resource("storage-user-data");
            Deployed(bucket, "isReadOnly", JsonValue.Create(false));
        });
        yield return Legitimate("deployed lists in another order than the program's", p =>
        {
            var bastion = p.Resource("network-bastion");
            var list = (JsonArray)InputOf(bastion, "clientCidrBlockAllowLists");
            Deployed(bastion, "clientCidrBlockAllowLists", new JsonArray(list.Reverse().Select(n => n!.DeepClone()).ToArray()));
        });
        yield return Legitimate("deployed retention lock time echoed with milliseconds", p =>
        {
            var archive = p.Resource(Archive);
            var rules = (JsonArray)InputOf(archive, "retentionRules");
            var rule = (JsonObject)rules[0]!;
            var locked = DateTimeOffset.Parse(rule["timeRuleLocked"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            rule["timeRuleLocked"] = locked.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            ((JsonObject)rule["duration"]!)["timeAmount"] = 2555;
            Deployed(archive, "retentionRules", rules);
        });
    }
}
