using System.Text.RegularExpressions;

namespace Enclave.Configuration.Checks;

/// <summary>
/// Shape of Oracle Cloud IDs: <c>ocid1.&lt;resource type&gt;.&lt;realm&gt;.[region].&lt;unique id&gt;</c>.
/// Tenancy, compartment and group OCIDs are global, so their region part is empty (<c>ocid1.tenancy.oc1..aaaa…</c>).
/// </summary>
public static partial class Ocid
{
    // \z, not $: $ also matches before a final line feed, so "ocid1.tenancy.oc1..aaaa…\n" passed as an OCID.
    [GeneratedRegex(@"^ocid1\.(?<type>[a-z0-9]+)\.(?<realm>oc[0-9]+)\.(?<region>[a-z0-9-]*)\.(?<unique>[a-z0-9]{10,})\z")]
    private static partial Regex Shape();

    /// <summary>True when <paramref name="value"/> is an OCID of <paramref name="type"/> with no region part
    /// (a global resource), in <paramref name="realm"/> when one is given.</summary>
    public static bool IsGlobal(string value, string type, string? realm = null)
    {
        var m = Shape().Match(value);
        return m.Success && m.Groups["type"].Value == type && m.Groups["region"].Value.Length == 0 &&
               (realm is null || m.Groups["realm"].Value == realm);
    }

    /// <summary>True when <paramref name="value"/> is an OCID of <paramref name="type"/>, with or without a region part.</summary>
    public static bool IsOfType(string value, string type) => Shape().Match(value) is { Success: true } m && m.Groups["type"].Value == type;

    public static bool LooksLikeOcid(string value) => value.StartsWith("ocid1.", StringComparison.Ordinal);

    /// <summary>An example for messages, e.g. <c>ocid1.tenancy.oc1..aaaaaaaa…</c>.</summary>
    public static string Example(string type, string realm = "oc1") => $"ocid1.{type}.{realm}..aaaaaaaa…";
}
