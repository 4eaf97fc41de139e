using Enclave.Cli.Tests.Review;
using Enclave.Policy.Graph;

namespace Enclave.Cli.Tests.Escaping;

/// <summary>
/// A graph whose every string a renderer can print carries <see cref="Payload"/>: the stack and project names,
/// resource names, property keys and values, policy statements (so IAM findings and the access table quote it).
/// </summary>
public static class HostileGraph
{
    /// <summary>
    /// ANSI colour and reset, CR LF then a fake line, a bidi override and isolate, BEL, NEL, the Unicode line
    /// separator and a tab: everything that could colour, reorder or split a line of output.
    /// </summary>
    public const string Payload = "\u001b[32mOK\u001b[0m\r\nFAKE\u202eLINE\u2066\u0007\u0085\u2028\tX pr\u043ed\uff50\u212a\u2010\u2502"; // … and look-alikes of ASCII (│ fakes a table column)

    /// <summary>The text that would start a line if a line break got through.</summary>
    public const string Marker = "FAKE";

    /// <summary>
    /// The hostile graph; a diff side names the base's stack and project, since a plan file with resources of two
    /// stacks is refused (exit 3) before any renderer sees it.
    /// </summary>
    public static ResourceGraph Build(string stack = Payload, string project = Payload)
    {
        var g = EnclaveGraph.Base();
        var nodes = new List<ResourceNode>();
        foreach (var name in new[] { "vcn", "adb", "audit-archive", "data-key" })
            nodes.Add(g[name]);
        return new ResourceGraph(stack, project, GraphOrigin.Program,
            [g["us-data-enclave-prod"], g["network"], .. nodes, .. Hostile(stack, project, EnclaveGraph.StackUrn)], source: "hostile" + Payload);
    }

    /// <summary>
    /// Only hostile resources, every URN in the crafted stack and project: a plan file of it loads (one stack) and
    /// puts the crafted stack name in every line a report prints about it.
    /// </summary>
    public static ResourceGraph OwnStack()
    {
        var root = ResourceNode.Create($"urn:pulumi:{Payload}::{Payload}::pulumi:pulumi:Stack::{Payload}", "pulumi:pulumi:Stack", Payload, custom: false);
        return new ResourceGraph(Payload, Payload, GraphOrigin.Program, [root, .. Hostile(Payload, Payload, root.Urn)], source: "hostile" + Payload);
    }

    /// <summary>The base enclave plus hostile resources whose names, values and statements carry <paramref name="payload"/>.</summary>
    public static ResourceGraph Named(string payload) =>
        new("prod", "us-data-enclave", GraphOrigin.Program,
            [.. Base(), .. Hostile("prod", "us-data-enclave", EnclaveGraph.StackUrn, payload)], source: "hostile");

    private static IEnumerable<ResourceNode> Base()
    {
        var g = EnclaveGraph.Base();
        return new[] { "us-data-enclave-prod", "network", "vcn", "adb", "audit-archive", "data-key" }.Select(n => g[n]);
    }

    private static IEnumerable<ResourceNode> Hostile(string stack, string project, string parent, string Payload = HostileGraph.Payload)
    {
        var urn = (string type, string name) => $"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack${type}::{name}";
        yield return ResourceNode.Create(urn("oci:ObjectStorage/bucket:Bucket", "b" + Payload), "oci:ObjectStorage/bucket:Bucket", "b" + Payload,
            inputs: PropertyValue.Map(
                ("accessType", PropertyValue.Of("ObjectRead" + Payload)),
                ("name", PropertyValue.Of(Payload)),
                ("namespace", PropertyValue.Of("usde")),
                (Payload, PropertyValue.Of(Payload))),
            parent: parent, region: "us-ashburn-1");
        yield return ResourceNode.Create(urn("oci:Identity/policy:Policy", "p" + Payload), "oci:Identity/policy:Policy", "p" + Payload,
            inputs: PropertyValue.Map(
                ("compartmentId", PropertyValue.Of("ocid1.tenancy.oc1..enclavetenancy")),
                ("name", PropertyValue.Of(Payload)),
                ("statements", PropertyValue.List(
                    PropertyValue.Of($"allow group {Payload} to manage all-resources in tenancy"),
                    PropertyValue.Of($"allow any-user to read buckets in tenancy where target.bucket.name = '{Payload}'"),
                    PropertyValue.Of(Payload)))),
            parent: parent, region: "us-ashburn-1");
    }
}
