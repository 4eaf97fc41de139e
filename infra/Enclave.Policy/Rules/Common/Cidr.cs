using System.Net;
using System.Net.Sockets;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>An IPv4 or IPv6 prefix; host bits are masked off, a bare address is a /32 (or /128).</summary>
public readonly record struct Cidr(IPAddress Network, int PrefixLength)
{
    public static readonly Cidr AnyV4 = Parse("0.0.0.0/0");
    public static readonly Cidr AnyV6 = Parse("::/0");

    public AddressFamily Family => Network.AddressFamily;

    public static Cidr Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"'{text}' is not a CIDR block");

    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text.Trim() : text[..slash].Trim();
        if (!IPAddress.TryParse(addressText, out var address)) return false;
        var max = address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var prefix = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], out prefix) || prefix < 0 || prefix > max)) return false;
        cidr = new Cidr(Mask(address, prefix), prefix);
        return true;
    }

    /// <summary>Whether every address of <paramref name="other"/> is inside this prefix.</summary>
    public bool Contains(Cidr other) =>
        Family == other.Family && other.PrefixLength >= PrefixLength && Mask(other.Network, PrefixLength).Equals(Network);

    public bool Overlaps(Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>The whole address space of its family (0.0.0.0/0 or ::/0).</summary>
    public bool IsAnywhere => PrefixLength == 0;

    public override string ToString() => $"{Network}/{PrefixLength}";

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }

    /// <summary>Is the (possibly unknown) CIDR value within one of <paramref name="allowed"/>? Unparseable text is False.</summary>
    public static Truth WithinAny(PropertyValue value, IEnumerable<string> allowed) =>
        value.Test(v => TryParse(v.AsString(), out var c) && allowed.Any(a => TryParse(a, out var al) && al.Contains(c)));

    /// <summary>Does the (possibly unknown) CIDR value overlap one of <paramref name="ranges"/>?</summary>
    public static Truth OverlapsAny(PropertyValue value, IEnumerable<string> ranges) =>
        value.Test(v => TryParse(v.AsString(), out var c) && ranges.Any(r => TryParse(r, out var rc) && rc.Overlaps(c)));

    /// <summary>Is the value the whole internet (0.0.0.0/0 or ::/0)?</summary>
    public static Truth IsAnywhereValue(PropertyValue value) =>
        value.Test(v => TryParse(v.AsString(), out var c) && c.IsAnywhere);
}
