using System.Text;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Diff;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// A diff's head is read in the light of its base (<c>ArtifactLoader.LoadArtifact(…, prior: base)</c>): what did not
/// change is held once. These tests pin that the sharing saves the copies and changes nothing anyone can read: the
/// head graph equals the one read alone, and the review of the change is the same.
/// </summary>
public class PriorValuesTests
{
    private const string Stack = "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev";

    private static string Resource(string name, string id, string inputs, string outputs, string deps = "") =>
        $"{{\"urn\":\"urn:pulumi:dev::p::pulumi:pulumi:Stack$a:b:C::{name}\",\"custom\":true,\"id\":\"{id}\",\"type\":\"a:b:C\"," +
        $"\"inputs\":{inputs},\"outputs\":{outputs},\"parent\":\"{Stack}\",\"dependencies\":[{deps}]," +
        $"\"propertyDependencies\":{{\"ref\":[{deps}]}}}}";

    private static LoadedArtifact Load(string resources, ResourceGraph? prior = null) =>
        ArtifactLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(
            "{\"version\":3,\"deployment\":{\"manifest\":{\"time\":\"2026-01-01T00:00:00Z\",\"magic\":\"m\",\"version\":\"v3.200.0\"},\"resources\":[" +
            $"{{\"urn\":\"{Stack}\",\"custom\":false,\"type\":\"pulumi:pulumi:Stack\"}}," + resources + "]}}")), "export.json", prior: prior);

    private const string Same = "{\"tags\":{\"team\":\"data\"},\"ports\":[22,443],\"name\":\"same\"}";

    private static string Base =>
        Resource("a", "ocid1.a", Same, "{\"tags\":{\"team\":\"data\"},\"ports\":[22,443],\"name\":\"same\",\"state\":\"UP\"}") + "," +
        Resource("b", "ocid1.b", "{\"tags\":{\"team\":\"data\"},\"name\":\"before\",\"ref\":\"ocid1.a\"}", "{}",
            "\"urn:pulumi:dev::p::pulumi:pulumi:Stack$a:b:C::a\"");

    [Fact]
    public void An_unchanged_resource_of_the_head_holds_the_base_instances()
    {
        var before = Load(Base).Graph;
        var after = Load(Base, prior: before).Graph;
        var (a0, a1) = (before.ByUrn(Urn("a"))!, after.ByUrn(Urn("a"))!);
        Assert.NotSame(a0, a1); // nodes are the loader's own (it sets their region)
        Assert.Same(a0.Inputs, a1.Inputs);
        Assert.Same(a0.Outputs, a1.Outputs);
        Assert.Same(a0.Urn, a1.Urn);
        Assert.Same(a0.Id, a1.Id);
        var (b0, b1) = (before.ByUrn(Urn("b"))!, after.ByUrn(Urn("b"))!);
        Assert.Equal(b0.Dependencies.ToArray(), b1.Dependencies.ToArray());
        Assert.True(b0.Dependencies == b1.Dependencies, "the same URN list is shared");
        Assert.Same(b0.PropertyDependencies, b1.PropertyDependencies);
    }

    [Fact]
    public void A_changed_resource_shares_its_unchanged_fields_and_reads_its_changed_ones()
    {
        var before = Load(Base).Graph;
        var head = Base.Replace("\"name\":\"before\"", "\"name\":\"after\"");
        var shared = Load(head, prior: before).Graph;
        var alone = Load(head).Graph;
        var (b0, b1) = (before.ByUrn(Urn("b"))!, shared.ByUrn(Urn("b"))!);
        Assert.NotSame(b0.Inputs, b1.Inputs);
        Assert.Same(b0.Inputs["tags"], b1.Inputs["tags"]);
        Assert.Equal("after", b1.Inputs["name"].AsString());
        // Read with or without the base, the head says the same thing.
        Assert.Equal(alone.Resources.Length, shared.Resources.Length);
        for (var i = 0; i < alone.Resources.Length; i++)
        {
            var (x, y) = (alone.Resources[i], shared.Resources[i]);
            Assert.Equal((x.Urn, x.Type, x.Name, x.Parent, x.Provider, x.Region, x.Custom), (y.Urn, y.Type, y.Name, y.Parent, y.Provider, y.Region, y.Custom));
            Assert.Equal(x.Id, y.Id);
            Assert.Equal(x.Inputs, y.Inputs);
            Assert.Equal(x.Outputs, y.Outputs);
            Assert.Equal(x.Dependencies.ToArray(), y.Dependencies.ToArray());
            Assert.Equal(x.PropertyDependencies.Keys, y.PropertyDependencies.Keys);
        }
        Assert.Equal(Describe(DiffEngine.Compare(before, alone)), Describe(DiffEngine.Compare(before, shared)));
    }

    [Fact]
    public void A_shared_input_map_still_shows_that_the_id_it_names_has_another_owner()
    {
        // b's inputs are the same text on both sides, but the id they name now belongs to a renamed resource: the
        // review shows b's reference moving, exactly as when the head is read on its own.
        var before = Load(Base).Graph;
        var head = Base.Replace("Stack$a:b:C::a\"", "Stack$a:b:C::a2\"");
        var shared = Load(head, prior: before).Graph;
        Assert.Same(before.ByUrn(Urn("b"))!.Inputs, shared.ByUrn(Urn("b"))!.Inputs);
        var review = Describe(DiffEngine.Compare(before, shared));
        Assert.Equal(Describe(DiffEngine.Compare(before, Load(head).Graph)), review);
        Assert.Contains("Update urn:pulumi:dev::p::pulumi:pulumi:Stack$a:b:C::b ref", review);
    }

    private static string Urn(string name) => $"urn:pulumi:dev::p::pulumi:pulumi:Stack$a:b:C::{name}";

    private static string Describe(ReviewDiff diff) => string.Join("\n", diff.Changes.Select(c =>
        $"{c.Op} {c.Urn} {string.Join(";", c.Properties.Select(p => $"{p.Path}={p.Before}->{p.After}"))}"));
}
