using System.Text;

namespace Enclave.Components;

/// <summary>Turns the configured name prefix into the name shapes OCI accepts.</summary>
public static class Naming
{
    /// <summary>Display name: <c>&lt;prefix&gt;-&lt;suffix&gt;</c>.</summary>
    public static string Display(string prefix, string suffix) => $"{prefix}-{suffix}";

    /// <summary>
    /// Display name of a per-region resource: <c>&lt;prefix&gt;-&lt;suffix&gt;</c> in the deployment region (the names it
    /// always had), <c>&lt;prefix&gt;-&lt;region&gt;-&lt;suffix&gt;</c> elsewhere, so the copies of one thing differ by region.
    /// </summary>
    public static string Regional(string prefix, Regions.EnclaveRegion region, string suffix) =>
        Display(prefix, region.IsDeployment ? suffix : $"{region.Name}-{suffix}");

    /// <summary>
    /// A DNS label / alphanumeric name: letters and digits only, starting with a letter, at most
    /// <paramref name="maxLength"/> characters (VCN and subnet DNS labels allow 15, Bastion names allow more).
    /// </summary>
    // Stryker disable all : name shaping (DNS labels, Bastion names); names are not isolation controls (docs/testing.md)
    public static string Alphanumeric(string text, int maxLength = 15)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
        if (builder.Length == 0 || !char.IsAsciiLetter(builder[0])) builder.Insert(0, 'e');
        return builder.Length <= maxLength ? builder.ToString() : builder.ToString(0, maxLength);
    }
    // Stryker restore all
}
