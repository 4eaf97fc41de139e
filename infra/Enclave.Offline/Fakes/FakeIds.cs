using System.Security.Cryptography;
using System.Text;
using Enclave.Configuration.Checks;

namespace Enclave.Offline.Fakes;

/// <summary>
/// Deterministic fake identifiers: the same (kind, name) always gives the same id, on every machine, so plans are
/// byte-for-byte reproducible. They have the real shapes (<c>ocid1.vcn.oc1.iad.aaaaaaaa…</c>) and say nothing true.
/// </summary>
public static class FakeIds
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A stable lowercase base32 digest of <paramref name="parts"/>, <paramref name="length"/> characters long.</summary>
    public static string Digest(int length, params string[] parts)
    {
        var sb = new StringBuilder(length);
        var counter = 0;
        while (sb.Length < length)
        {
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", parts) + "\u001f" + counter++));
            foreach (var b in bytes)
            {
                if (sb.Length == length) break;
                sb.Append(Base32[b & 31]);
            }
        }
        return sb.ToString();
    }

    /// <summary><c>ocid1.&lt;kind&gt;.oc1.&lt;region key&gt;.aaaaaaaa&lt;52 chars&gt;</c>; a null region gives a global OCID (<c>oc1..</c>).</summary>
    public static string Ocid(string kind, string? region, string name)
    {
        var key = region is null ? "" : RegionKey(region).ToLowerInvariant();
        return $"ocid1.{kind}.oc1.{key}.aaaaaaaa{Digest(52, kind, region ?? "", name)}";
    }

    /// <summary>The three-letter key of a region (IAD for us-ashburn-1); unknown regions get a stable fake key.</summary>
    public static string RegionKey(string region) =>
        UsRegions.Keys.TryGetValue(region, out var key) ? key : Digest(3, "region", region).ToUpperInvariant();

    /// <summary>A provider id (the engine uses UUIDs).</summary>
    public static string ProviderId(string name)
    {
        var d = SHA256.HashData(Encoding.UTF8.GetBytes("provider\u001f" + name));
        return new Guid(d.AsSpan(0, 16)).ToString();
    }
}
