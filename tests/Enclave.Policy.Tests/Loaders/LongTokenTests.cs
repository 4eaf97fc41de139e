using System.Text;
using Enclave.Policy.Loaders;

namespace Enclave.Policy.Tests.Loaders;

/// <summary>
/// Round 3 of issue 12: one 300 MB string in a stack export's inputs took 1.5 GB (5× the file) before the gate
/// answered: the read buffer doubled around the token, then the string was decoded as UTF-16. A single token is now
/// capped (64 MiB by default), so memory stays a small multiple of the cap, not of the file.
/// </summary>
public class LongTokenTests
{
    private static byte[] ExportWithString(int length)
    {
        var head = Encoding.UTF8.GetBytes("{'version':3,'deployment':{'manifest':{'time':'2026-01-01T00:00:00Z','magic':'m','version':'v3.200.0'},'resources':[{'urn':'urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev','custom':false,'type':'pulumi:pulumi:Stack'},{'urn':'urn:pulumi:dev::p::pulumi:pulumi:Stack$a:b:C::x','custom':true,'id':'i','type':'a:b:C','parent':'urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev','inputs':{'s':'".Replace('\'', '"'));
        var tail = "\"}}]}}"u8.ToArray();
        var bytes = new byte[head.Length + length + tail.Length];
        head.CopyTo(bytes, 0);
        bytes.AsSpan(head.Length, length).Fill((byte)'a');
        tail.CopyTo(bytes, head.Length + length);
        return bytes;
    }

    [Fact]
    public void A_string_longer_than_the_token_cap_is_refused_with_its_path_and_bounded_memory()
    {
        var json = ExportWithString(24 << 20);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ArtifactLoadException>(() =>
            ArtifactLoader.Load(new MemoryStream(json), "export.json", limits: new LoadLimits { MaxTokenBytes = 1 << 20 }));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("a single JSON string or number is longer than 1 MiB", e.Message);
        Assert.Equal("$.deployment.resources[1].inputs.s", e.JsonPath);
        Assert.True(allocated < 12L << 20, $"refusing a 24 MiB string allocated {allocated >> 20} MiB");
    }

    [Fact]
    public void A_long_string_under_the_cap_still_loads_whole()
    {
        var loaded = ArtifactLoader.Load(new MemoryStream(ExportWithString(3 << 20)), "export.json");
        var node = loaded.Graph.Resources.Single(r => r.Name == "x");
        Assert.Equal(3 << 20, node.Inputs["s"].AsString()!.Length);
    }
}
