using System.Text;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Round 4 of issue 12: memory ballooning below the byte cap. A 60 MB export whose one input is <c>[0,0,0,…]</c>
/// (30 million values) took 750 MB, 12 times the file; 45 MB of <c>[[],[],…]</c> took 415 MB and 43 MB of a
/// four-million-key object 426 MB. Each value costs the graph at least a reference however short it is written, so
/// past a million values the loaders require the 16 bytes a value that every real artifact spends (28 to 65).
/// </summary>
public class DenseValueTests
{
    private static readonly LoadLimits Small = new() { DenseValuesFrom = 10_000 };

    private static byte[] ExportWithInput(string json) => Encoding.UTF8.GetBytes(
        "{\"version\":3,\"deployment\":{\"manifest\":{\"time\":\"2026-01-01T00:00:00Z\",\"magic\":\"m\",\"version\":\"v3.200.0\"},\"resources\":[" +
        "{\"urn\":\"urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev\",\"custom\":false,\"type\":\"pulumi:pulumi:Stack\"}," +
        "{\"urn\":\"urn:pulumi:dev::p::pulumi:pulumi:Stack$a:b:C::x\",\"custom\":true,\"id\":\"i\",\"type\":\"a:b:C\"," +
        "\"parent\":\"urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev\",\"inputs\":{\"v\":" + json + "}}]}}");

    private static string Repeat(string item, int count) => string.Join(",", Enumerable.Repeat(item, count));

    [Theory]
    [InlineData("0")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("\"\"")]
    [InlineData("true")]
    public void A_huge_list_of_tiny_values_is_refused_with_its_path_before_it_is_held(string item)
    {
        var json = ExportWithInput("[" + Repeat(item, 50_000) + "]");
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Load(new MemoryStream(json), "export.json", limits: Small));
        Assert.Contains("more than 10,000 values written at under 16 bytes each on average", e.Message);
        // Refused while the list is read (at about its 10,000th item), not after all 50,000 were held.
        Assert.Matches(@"^\$\.deployment\.resources\[1\]\.inputs\.v\[1?\d{4}\]", e.JsonPath);
    }

    [Fact]
    public void A_huge_object_of_tiny_fields_is_refused()
    {
        var fields = string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"\"{i:x}\":0"));
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Load(new MemoryStream(ExportWithInput("{" + fields + "}")), "export.json", limits: Small));
        Assert.Contains("values written at under 16 bytes each", e.Message);
    }

    [Fact]
    public void Values_as_long_as_real_ones_load_past_the_threshold()
    {
        var items = Repeat("\"ocid1.subnet.oc1.iad.aaaa\"", 50_000); // 27 bytes each, as real values are
        var graph = ArtifactLoader.Load(new MemoryStream(ExportWithInput("[" + items + "]")), "export.json", limits: Small).Graph;
        Assert.Equal(2, graph.Resources.Length);
    }

    [Fact]
    public void A_dense_plan_document_is_refused_too()
    {
        var plan = PlanJsonWriter.Write(PlanDocument.Create(CompliantEnclave.Build().Build(), PolicySummary.Empty));
        var dense = plan.Replace("\"inputs\": {", "\"inputs\": {\"zz\": [" + Repeat("\"\"", 50_000) + "],", StringComparison.Ordinal);
        Assert.NotEqual(plan, dense);
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(Encoding.UTF8.GetBytes(dense), "plan.json", limits: Small));
        Assert.Contains("values written at under 16 bytes each", e.Message);
    }

    [Fact]
    public void Every_real_fixture_spends_far_more_than_the_minimum_on_a_value()
    {
        // The shipped limits against the repository's real files: none comes near 16 bytes a value.
        var strict = new LoadLimits { DenseValuesFrom = 0, MinBytesPerValue = 24 };
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json", SearchOption.AllDirectories))
            Assert.NotNull(ArtifactLoader.Parse(File.ReadAllBytes(file), file, limits: strict).Graph);
    }
}
