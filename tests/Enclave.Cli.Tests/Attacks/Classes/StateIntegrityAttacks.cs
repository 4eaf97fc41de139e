using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// What the state holds besides the stack's graph, and where the deployment's code comes from: a provider plugin
/// fetched from another server (ENC-GOV-030); a replaced resource still awaiting deletion or the resource of an
/// interrupted operation, live in the cloud but outside the judged graph (ENC-GOV-031); a resource whose type and URN
/// disagree (refused as unreadable, exit 3). Each passed the gate before.
/// </summary>
public sealed class StateIntegrityAttacks : AttackClass
{
    private const string Igw = "oci:Core/internetGateway:InternetGateway";

    public override string Name => "StateIntegrity";

    public override IEnumerable<AttackCase> Cases() => Plugins().Concat(Lingering()).Concat(Spoofed());

    private IEnumerable<AttackCase> Plugins()
    {
        yield return Attack("the home provider downloads its plugin from another server", "ENC-GOV-030",
            p => p.Resource("regions-home").Set("pluginDownloadURL", "https://plugins.example.net/oci"));
        yield return Attack("the standby provider's plugin source kept under __internal", "ENC-GOV-030",
            p => p.Resource("regions-standby").Set("__internal", new JsonObject { ["pluginDownloadURL"] = "github://api.github.com/someone-else" }));
        yield return Attack("a provider plugin source hidden as a secret in the state", "ENC-GOV-030",
            p => p.Resource("regions-home").Secret("pluginDownloadURL"), Forms.Export);
        yield return Legitimate("the home provider names Pulumi's own plugin source",
            p => p.Resource("regions-home").Set("pluginDownloadURL", "github://api.github.com/pulumi"));
    }

    private IEnumerable<AttackCase> Lingering()
    {
        yield return Attack("an internet gateway left pending deletion", "ENC-GOV-031", p =>
        {
            var igw = NewIgw(p);
            igw.Json["delete"] = true;
            return igw.Urn;
        }, Forms.Export);
        yield return Attack("the replaced, world-open default security list not yet deleted", "ENC-GOV-031", p =>
        {
            var current = p.Resource("network-default-security-list");
            var old = (JsonObject)current.Json.DeepClone();
            old["delete"] = true;
            old["id"] = "ocid1.securitylist.oc1.iad.replacedbutalive0000";
            old["inputs"]!["ingressSecurityRules"] = new JsonArray(new JsonObject { ["protocol"] = "all", ["source"] = "0.0.0.0/0" });
            p.AddState(old);
            return current.Urn;
        }, Forms.Export);
        yield return Attack("an interrupted create of an internet gateway", "ENC-GOV-031", p =>
        {
            var igw = NewIgw(p);
            p.Remove(igw.Name);
            p.PendingOperations.Add(new JsonObject { ["resource"] = igw.Json.DeepClone(), ["type"] = "creating" });
            return igw.Urn;
        }, Forms.Export);
    }

    private IEnumerable<AttackCase> Spoofed()
    {
        yield return Refused("an internet gateway filed under a tag's type", "but its URN names the type", p =>
        {
            NewIgw(p).Json["type"] = "oci:Identity/tag:Tag";
            return p.StackUrn;
        }) with { Forms = Forms.Export, ExpectedExit = 3 };
    }

    private static ResourceEdit NewIgw(Prod p) => p.Add(Igw, "network-igw", new JsonObject
    {
        ["compartmentId"] = p.Resource("network-vcn").Inputs["compartmentId"]!.DeepClone(),
        ["vcnId"] = p.Resource("network-vcn").Json["id"]!.DeepClone(),
        ["enabled"] = true,
    }, "network-service-gateway");
}
