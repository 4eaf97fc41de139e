using System.Net;
using System.Net.Sockets;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>
/// An IPv4 or IPv6 block as an inclusive address range. Parsed once (host bits dropped), then kept as two
/// <see cref="UInt128"/> bounds so overlap, containment and intersection are a few comparisons: the analysis runs them
/// for every rule on every path, over graphs of 100k resources.
/// </summary>
public readonly record struct Cidr(AddressFamily Family, UInt128 First, UInt128 Last, byte Prefix)
{
    // Declared first: static fields initialise in order, and AnyV4 below is parsed with it.
    private static readonly System.Buffers.SearchValues<char> DottedQuadChars = System.Buffers.SearchValues.Create(".0123456789");

    public static readonly Cidr AnyV4 = Parse("0.0.0.0/0");
    public static readonly Cidr AnyV6 = Parse("::/0");

    /// <summary>Both address families: "any source on the internet".</summary>
    public static readonly IReadOnlyList<Cidr> Anywhere = [AnyV4, AnyV6];

    /// <summary>Parses <c>a.b.c.d/n</c>, <c>x::/n</c> or a bare address (a /32 or /128). No classful guessing.</summary>
    public static bool TryParse(string? text, out Cidr cidr) => TryParse(text.AsSpan(), out cidr);

    /// <inheritdoc cref="TryParse(string?, out Cidr)"/>
    /// <remarks>Allocates nothing for the dotted quads and prefixes rules meet by the hundred thousand.</remarks>
    public static bool TryParse(ReadOnlySpan<char> text, out Cidr cidr)
    {
        cidr = default;
        var s = text.Trim();
        if (s.IsEmpty) return false;
        var slash = s.IndexOf('/');
        var addressText = slash < 0 ? s : s[..slash];
        if (!TryParseAddress(addressText, out var family, out var address)) return false;
        var max = family == AddressFamily.InterNetworkV6 ? 128 : 32;
        var prefix = max;
        if (slash >= 0 && (!int.TryParse(s[(slash + 1)..], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > max))
            return false;
        var hostBits = max - prefix;
        var hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var first = address & ~hostMask; // host bits dropped: 10.0.3.4/16 is 10.0.0.0/16
        cidr = new Cidr(family, first, first | hostMask, (byte)prefix);
        return true;
    }

    private static bool TryParseAddress(ReadOnlySpan<char> text, out AddressFamily family, out UInt128 value)
    {
        family = AddressFamily.InterNetwork;
        value = 0;
        if (!text.Contains(':'))
        {
            // IPAddress.TryParse accepts legacy forms such as "10.0.0" or "10"; OCI only takes dotted quads.
            if (text.Count('.') != 3 || text.ContainsAnyExcept(DottedQuadChars)) return false;
            if (TryParseCanonicalQuad(text, out var v4)) { value = v4; return true; }
        }
        // IPv6, and dotted quads with leading zeros (which IPAddress reads as octal): the framework's parser decides.
        if (!IPAddress.TryParse(text, out var address)) return false;
        family = address.AddressFamily;
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        foreach (var b in bytes[..written]) value = (value << 8) | b;
        return true;
    }

    /// <summary>Four decimal parts of 0-255 without leading zeros: read here, exactly as IPAddress would read them.</summary>
    private static bool TryParseCanonicalQuad(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0')) return false;
            var n = 0u;
            foreach (var c in part) n = n * 10 + (uint)(c - '0');
            if (n > 255) return false;
            value = (value << 8) | n;
        }
        return true;
    }

    public static Cidr Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"'{text}' is not a CIDR block or IP address");

    public bool Overlaps(Cidr other) => Family == other.Family && First <= other.Last && other.First <= Last;

    public bool Contains(Cidr other) => Family == other.Family && First <= other.First && other.Last <= Last;

    /// <summary>
    /// The common block of two CIDRs, if any. Two CIDR blocks are either disjoint or nested, so the
    /// intersection is always the smaller one.
    /// </summary>
    public Cidr? Intersect(Cidr other) =>
        !Overlaps(other) ? null : Contains(other) ? other : this;

    public bool IsV6 => Family == AddressFamily.InterNetworkV6;

    public override string ToString()
    {
        var bytes = new byte[IsV6 ? 16 : 4];
        var v = First;
        for (var i = bytes.Length - 1; i >= 0; i--) { bytes[i] = (byte)(v & 0xFF); v >>= 8; }
        return $"{new IPAddress(bytes)}/{Prefix}";
    }

    /// <summary>True when every address of <paramref name="block"/> lies in the union of <paramref name="cover"/>.</summary>
    public static bool IsCoveredBy(Cidr block, IEnumerable<Cidr> cover)
    {
        // Sweep the covering blocks in address order, extending the covered prefix of `block`.
        var next = block.First;
        // The overlapping blocks sorted in place (no LINQ pipeline per call: reachability asks this for every path).
        var overlapping = new List<Cidr>();
        foreach (var c in cover)
            if (c.Overlaps(block)) overlapping.Add(c);
        // By first address; the order of ties does not change the sweep's answer.
        overlapping.Sort(static (x, y) => x.First.CompareTo(y.First));
        foreach (var c in overlapping)
        {
            if (c.First > next) return false;
            if (c.Last >= block.Last) return true;
            if (c.Last + 1 > next) next = c.Last + 1;
        }
        return false;
    }

    /// <summary>The whole address space of its family (0.0.0.0/0 or ::/0).</summary>
    public bool IsAnywhere => Prefix == 0;

    /// <summary>Is the (possibly unknown) CIDR value within one of <paramref name="allowed"/>? Unparseable text is False.</summary>
    public static Truth WithinAny(PropertyValue value, IEnumerable<string> allowed)
    {
        if (!value.IsKnown) return Truth.Unknown;
        if (!TryParse(value.AsString(), out var c)) return Truth.False;
        foreach (var a in allowed)
            if (TryParse(a, out var al) && al.Contains(c)) return Truth.True;
        return Truth.False;
    }

    /// <summary>Does the (possibly unknown) CIDR value overlap one of <paramref name="ranges"/>?</summary>
    public static Truth OverlapsAny(PropertyValue value, IEnumerable<string> ranges)
    {
        if (!value.IsKnown) return Truth.Unknown;
        if (!TryParse(value.AsString(), out var c)) return Truth.False;
        foreach (var r in ranges)
            if (TryParse(r, out var rc) && rc.Overlaps(c)) return Truth.True;
        return Truth.False;
    }

    /// <summary>Why the block is near-open (<see cref="Networks.NearOpen"/>, the config validator's definition), or null.</summary>
    public string? NearOpenReason(Networks.PrefixLimits limits) => Networks.NearOpen.Reason(IsV6, First, Prefix, limits);

    /// <summary>
    /// Is the (possibly unknown) value a near-open block? Each <c>;</c>-separated part is read (database ACLs join a
    /// VCN and its ranges that way); a part that is not an address (an NSG id, a service label) is not a network.
    /// </summary>
    public static Truth IsNearOpenValue(PropertyValue value, Networks.PrefixLimits limits, out string? reason)
    {
        reason = null;
        if (!value.IsKnown) return Truth.Unknown;
        if (value.AsString() is not { } text) return Truth.False;
        foreach (var range in text.AsSpan().Split(';'))
            if (TryParse(text.AsSpan()[range], out var c) && c.NearOpenReason(limits) is { } why)
            {
                reason = why;
                return Truth.True;
            }
        return Truth.False;
    }

    /// <summary>Is the value the whole internet (0.0.0.0/0 or ::/0)?</summary>
    public static Truth IsAnywhereValue(PropertyValue value) =>
        value.Test(v => TryParse(v.AsString(), out var c) && c.IsAnywhere);
}
