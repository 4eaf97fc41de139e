using System.Text;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Issue 12, open item 3: a small hostile file still reached 140–400 MB. The graph's memory budget bounds loading, but
/// each resource then costs the rules and the report about 1.5 KB of findings however tiny it is written: 90,000
/// resources of 70 bytes (6 MB) took 140 MB for `check --format json` and 230 MB for text, 50,000 buckets of 170
/// bytes 380 MB. Past 10,000 resources a file must spend 256 bytes on each, checked once the file is read and before
/// any rule runs.
/// </summary>
public class ResourceDensityTests
{
    private static byte[] Export(int count, Func<int, string> resource) => Encoding.UTF8.GetBytes(
        "{\"version\":3,\"deployment\":{\"manifest\":{\"time\":\"2026-01-01T00:00:00Z\",\"magic\":\"m\",\"version\":\"v3.200.0\"}," +
        "\"resources\":[" + string.Join(",", Enumerable.Range(0, count).Select(resource)) + "]}}");

    private static string Tiny(int i) => $"{{\"urn\":\"urn:pulumi:dev::p::a:b:C::{i}\",\"custom\":true,\"type\":\"a:b:C\"}}";

    [Fact]
    public void Many_tiny_resources_are_refused_in_one_line_naming_the_file_and_the_limit()
    {
        var json = Export(20_000, Tiny);
        var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(json, "export.json"));
        Assert.Equal($"export.json: 20,000 resources in 1.3 MiB, {json.Length / 20_000} bytes each on average; past 10,000 resources " +
                     "a file must spend at least 256 on each (real Pulumi artifacts spend 450 or more, and every resource costs the " +
                     "rules and the report about 1.5 KB of memory however small it is written)", e.Message);
    }

    [Fact]
    public void Up_to_the_floor_any_size_loads_and_past_it_real_sized_resources_load()
    {
        Assert.Equal(10_000, ArtifactLoader.Parse(Export(10_000, Tiny), "export.json").Graph.Resources.Length);
        // The size of the smallest resource of a real export: an id, timestamps and empty inputs and outputs.
        string Real(int i) => $"{{\"urn\":\"urn:pulumi:dev::p::a:b:C::{i}\",\"custom\":true,\"id\":\"ocid1.thing.oc1..{i:x24}\"," +
                              "\"type\":\"a:b:C\",\"inputs\":{},\"outputs\":{},\"created\":\"2026-01-01T00:00:00.000000000Z\"," +
                              "\"modified\":\"2026-01-01T00:00:00.000000000Z\",\"provider\":\"urn:pulumi:dev::p::pulumi:providers:oci::default::x\"}";
        Assert.Equal(20_000, ArtifactLoader.Parse(Export(20_000, Real), "export.json").Graph.Resources.Length);
    }

    [Fact]
    public void The_limits_are_settable_for_callers_that_know_better()
    {
        var limits = new LoadLimits { DenseResourcesFrom = 100, MinBytesPerResource = 1_000 };
        Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.Parse(Export(101, Tiny), "export.json", limits: limits));
        Assert.Equal(100, ArtifactLoader.Parse(Export(100, Tiny), "export.json", limits: limits).Graph.Resources.Length);
    }
}
