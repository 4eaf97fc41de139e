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
    public const string Payload = "\u001b[32mOK\u001b[0m\r\nFAKE\u202eLINE\u2066\u0007\u0085\u2028\tX";

    /// <summary>The text that would start a line if a line break got through.</summary>
    public const string Marker = "FAKE";

    /// <remarks>
    /// With the hostile stack name the project name carries the payload too; with a real stack name (a plan a diff
    /// reads back) the project is the enclave's, since a plan whose URNs name two projects is refused on reading.
    /// </remarks>
    public static ResourceGraph Build(string stack = Payload)
    {
        var g = EnclaveGraph.Base();
        var project = stack == Payload ? Payload : EnclaveGraph.Project;
        var urn = (string type, string name) => $"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack${type}::{name}";
        g.Add(ResourceNode.Create(urn("oci:ObjectStorage/bucket:Bucket", "b" + Payload), "oci:ObjectStorage/bucket:Bucket", "b" + Payload,
            inputs: PropertyValue.Map(
                ("accessType", PropertyValue.Of("ObjectRead" + Payload)),
                ("name", PropertyValue.Of(Payload)),
                ("namespace", PropertyValue.Of("usde")),
                (Payload, PropertyValue.Of(Payload))),
            parent: EnclaveGraph.StackUrn, region: "us-ashburn-1"));
        g.Add(ResourceNode.Create(urn("oci:Identity/policy:Policy", "p" + Payload), "oci:Identity/policy:Policy", "p" + Payload,
            inputs: PropertyValue.Map(
                ("compartmentId", PropertyValue.Of("ocid1.tenancy.oc1..enclavetenancy")),
                ("name", PropertyValue.Of(Payload)),
                ("statements", PropertyValue.List(
                    PropertyValue.Of($"allow group {Payload} to manage all-resources in tenancy"),
                    PropertyValue.Of($"allow any-user to read buckets in tenancy where target.bucket.name = '{Payload}'"),
                    PropertyValue.Of(Payload)))),
            parent: EnclaveGraph.StackUrn, region: "us-ashburn-1"));
        var nodes = new List<ResourceNode>();
        foreach (var name in new[] { "vcn", "adb", "audit-archive", "data-key", "b" + Payload, "p" + Payload })
            nodes.Add(g[name]);
        return new ResourceGraph(stack, project, GraphOrigin.Program, [g["us-data-enclave-prod"], g["network"], .. nodes], source: "hostile" + Payload);
    }
}
