using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>OCI region names and the 3-letter keys that appear in OCIDs (<c>ocid1.autonomousdatabase.oc1.iad.…</c>).</summary>
public static class Regions
{
    private static readonly Dictionary<string, string> ByKey = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iad"] = "us-ashburn-1", ["phx"] = "us-phoenix-1", ["sjc"] = "us-sanjose-1", ["ord"] = "us-chicago-1",
        ["aga"] = "us-saltlake-2", ["lfi"] = "us-langley-1", ["luf"] = "us-luke-1", ["ric"] = "us-gov-ashburn-1",
        ["pia"] = "us-gov-chicago-1", ["tus"] = "us-gov-phoenix-1", ["tiw"] = "us-tacoma-1", ["sgu"] = "us-westjordan-1",
        ["fra"] = "eu-frankfurt-1", ["lhr"] = "uk-london-1", ["ams"] = "eu-amsterdam-1", ["nrt"] = "ap-tokyo-1",
        ["sin"] = "ap-singapore-1", ["hkg"] = "ap-hongkong-1", ["icn"] = "ap-seoul-1", ["bom"] = "ap-mumbai-1",
        ["syd"] = "ap-sydney-1", ["yyz"] = "ca-toronto-1", ["gru"] = "sa-saopaulo-1", ["jed"] = "me-jeddah-1",
        ["dxb"] = "me-dubai-1", ["zrh"] = "eu-zurich-1", ["cdg"] = "eu-paris-1", ["mad"] = "eu-madrid-1",
    };

    /// <summary>The region encoded in a regional OCID, or its raw key when the key is not in the table; null for global OCIDs.</summary>
    public static string? FromOcid(string ocid)
    {
        var parts = ocid.Split('.');
        if (parts.Length < 5 || parts[0] != "ocid1" || parts[3].Length == 0) return null;
        var key = parts[3];
        return ByKey.TryGetValue(key, out var name) ? name : key.Contains('-') ? key : $"(region key {key})";
    }

    /// <summary>Three-valued membership of a region value in the allow-list (case-insensitive).</summary>
    public static Truth Allowed(PropertyValue region, IEnumerable<string> allowed) =>
        region.Test(v => v.AsString() is { } r && allowed.Contains(r, StringComparer.OrdinalIgnoreCase));
}
