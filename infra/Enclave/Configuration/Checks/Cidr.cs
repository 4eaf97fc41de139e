using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Enclave.Configuration.Checks;

/// <summary>
/// Strict CIDR parsing (IPNetwork2 itself guesses missing prefixes and silently drops host bits; config must say
/// exactly what it means): <c>address/prefix</c>, a dotted quad for IPv4, host bits zero.
/// </summary>
public static class Cidr
{
    /// <summary>Parses <paramref name="text"/>, or explains what is wrong with it (the error names the value).</summary>
    public static bool TryParse(string text, out IPNetwork2 network, out string error)
    {
        network = null!;
        error = "";
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            error = $"'{text}' is not a CIDR block: the /prefix length is missing (e.g. {text}/24)";
            return false;
        }
        var addressText = text[..slash];
        var prefixText = text[(slash + 1)..];
        if (!IPAddress.TryParse(addressText, out var address) ||
            (address.AddressFamily == AddressFamily.InterNetwork && addressText.Split('.').Length != 4))
        {
            error = $"'{text}' is not a CIDR block: '{addressText}' is not an IP address";
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork && !IsDottedDecimal(addressText))
        {
            error = $"'{text}' is ambiguous: write each IPv4 octet in decimal without leading zeros (parsers read 010 as 8 or as 10)";
            return false;
        }
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (!int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > max)
        {
            error = $"'{text}' is not a CIDR block: the prefix length must be a whole number from 0 to {max}";
            return false;
        }
        network = IPNetwork2.Parse(addressText, (byte)prefix);
        if (!network.Network.Equals(address))
        {
            error = $"'{text}' has host bits set; the network address of that block is {Format(network)}";
            return false;
        }
        return true;
    }

    /// <summary>
    /// Four decimal octets 0–255 without leading zeros: parsers disagree on <c>010</c> (octal 8 to inet_aton, decimal
    /// 10 to others) and on hex octets, so a range the gate reads one way must not deploy as another.
    /// </summary>
    private static bool IsDottedDecimal(string text)
    {
        var octets = text.Split('.');
        return octets.Length == 4 && octets.All(o =>
            o.Length is >= 1 and <= 3 && o.All(char.IsAsciiDigit) && (o.Length == 1 || o[0] != '0') && int.Parse(o, CultureInfo.InvariantCulture) <= 255);
    }

    /// <summary>Parses a CIDR already validated (null when invalid, so dependent checks can skip it).</summary>
    public static IPNetwork2? ParseOrNull(string? text) =>
        text is not null && TryParse(text, out var n, out _) ? n : null;

    public static string Format(IPNetwork2 n) => $"{n.Network}/{n.Cidr}";

    public static bool IsIPv4(IPNetwork2 n) => n.AddressFamily == AddressFamily.InterNetwork;

    /// <summary>True when the blocks share at least one address (same address family only).</summary>
    public static bool Overlap(IPNetwork2 a, IPNetwork2 b) => a.AddressFamily == b.AddressFamily && a.Overlap(b);

    /// <summary>True when <paramref name="inner"/> lies entirely inside <paramref name="outer"/>.</summary>
    public static bool Contains(IPNetwork2 outer, IPNetwork2 inner) =>
        outer.AddressFamily == inner.AddressFamily && outer.Contains(inner);
}
