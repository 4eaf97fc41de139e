using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Xml;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// The signing certificates an identity provider presents, as SHA-256 fingerprints of their DER bytes: those in SAML
/// metadata (<c>KeyDescriptor</c> with <c>use="signing"</c> or without <c>use</c>) and a single base64 DER or PEM
/// certificate (<c>DomainsIdentityProvider.signingCertificate</c>). The metadata is read with the same hardened
/// settings as its entity id (no DTD, no external entities, bounded size): the artifact may be hostile. Each one is
/// also read as an X.509 certificate far enough to know its validity period (<see cref="SigningCertificate"/>), with
/// the managed DER reader only: no platform certificate store or parser sees hostile bytes.
/// </summary>
public static class SigningCertificates
{
    /// <summary>More signing certificates than any rotation needs: beyond this the document is not judged.</summary>
    private const int MaxCertificates = 16;

    /// <summary>Longest certificate text accepted (real ones are 1–3 KB).</summary>
    private const int MaxCertificateChars = 64 * 1024;

    private const string MetadataNs = "urn:oasis:names:tc:SAML:2.0:metadata";
    private const string DsigNs = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>The fingerprints of the metadata's signing certificates, or null with the reason they cannot be read.</summary>
    public static IReadOnlyList<string>? InMetadata(string xml, out string? problem) =>
        ReadMetadata(xml, out problem)?.Select(c => c.Sha256).ToList();

    /// <summary>The fingerprint of one base64 DER or PEM certificate, or null with the reason it cannot be read.</summary>
    public static string? Fingerprint(string text, out string? problem) => Read(text, out problem)?.Sha256;

    /// <summary>The metadata's signing certificates, or null with the reason they cannot be read.</summary>
    public static IReadOnlyList<SigningCertificate>? ReadMetadata(string xml, out string? problem)
    {
        problem = null;
        var found = new List<SigningCertificate>();
        try
        {
            using var reader = SamlMetadata.HardenedReader(xml);
            // Depth of the signing KeyDescriptor we are inside (-1: none); certificates elsewhere are not signing keys.
            var signingDepth = -1;
            // ReadElementContentAsString already moves to the next node: do not Read() past it.
            var positioned = false;
            while (positioned ? !reader.EOF : reader.Read())
            {
                positioned = false;
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == signingDepth) signingDepth = -1;
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName == "KeyDescriptor" && reader.NamespaceURI == MetadataNs && !reader.IsEmptyElement)
                {
                    var use = reader.GetAttribute("use");
                    if (use is null || use.Trim() == "signing") signingDepth = reader.Depth;
                }
                else if (signingDepth >= 0 && reader.LocalName == "X509Certificate" && reader.NamespaceURI == DsigNs)
                {
                    var certificate = Read(reader.ReadElementContentAsString(), out problem);
                    positioned = true;
                    if (certificate is null) return null;
                    found.Add(certificate);
                    if (found.Count > MaxCertificates)
                    {
                        problem = $"the metadata lists more than {MaxCertificates} signing certificates";
                        return null;
                    }
                }
            }
        }
        catch (XmlException)
        {
            problem = "the metadata is not well-formed XML";
            return null;
        }
        if (found.Count == 0) problem = "the metadata declares no signing certificate";
        return found.Count == 0 ? null : found;
    }

    /// <summary>One base64 DER or PEM certificate, or null with the reason it cannot be read.</summary>
    public static SigningCertificate? Read(string text, out string? problem)
    {
        problem = null;
        if (text.Length > MaxCertificateChars)
        {
            problem = $"a signing certificate is longer than {MaxCertificateChars} characters";
            return null;
        }
        var body = text.Trim();
        const string Begin = "-----BEGIN CERTIFICATE-----", End = "-----END CERTIFICATE-----";
        if (body.StartsWith(Begin, StringComparison.Ordinal))
        {
            var end = body.IndexOf(End, Begin.Length, StringComparison.Ordinal);
            // Anything after the first certificate (a chain, a second PEM) would go unjudged: refuse it.
            if (end < 0 || body[(end + End.Length)..].Trim().Length > 0)
            {
                problem = "the signing certificate is not one PEM certificate";
                return null;
            }
            body = body[Begin.Length..end];
        }
        Span<char> compact = new char[body.Length];
        var n = 0;
        foreach (var c in body)
            if (!char.IsWhiteSpace(c)) compact[n++] = c;
        var der = new byte[n];
        if (n == 0 || !Convert.TryFromBase64Chars(compact[..n], der, out var written))
        {
            problem = "a signing certificate is not base64 DER or PEM";
            return null;
        }
        var bytes = der.AsSpan(0, written);
        if (!TryValidity(bytes, out var notBefore, out var notAfter))
        {
            // A blob that is not a certificate signs nothing the gatekeepers could have approved by its fingerprint.
            problem = "a signing certificate is not an X.509 certificate (its DER does not parse)";
            return null;
        }
        return new SigningCertificate(Convert.ToHexStringLower(SHA256.HashData(bytes)), notBefore, notAfter);
    }

    /// <summary>
    /// The validity period of a DER certificate (RFC 5280 §4.1: Certificate → TBSCertificate → [0] version,
    /// serialNumber, signature, issuer, validity), read leniently (BER: only the dates are taken from it); false when it is not one.
    /// </summary>
    private static bool TryValidity(ReadOnlySpan<byte> der, out DateTimeOffset notBefore, out DateTimeOffset notAfter)
    {
        notBefore = notAfter = default;
        try
        {
            var certificate = new AsnReader(der.ToArray(), AsnEncodingRules.BER);
            var outer = certificate.ReadSequence();
            if (certificate.HasData) return false;
            var tbs = outer.ReadSequence();
            var explicitVersion = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            if (tbs.PeekTag().HasSameClassAndValue(explicitVersion)) tbs.ReadEncodedValue();
            tbs.ReadIntegerBytes();                 // serialNumber
            tbs.ReadSequence();                     // signature AlgorithmIdentifier
            tbs.ReadSequence();                     // issuer Name
            var validity = tbs.ReadSequence();
            notBefore = ReadTime(validity);
            notAfter = ReadTime(validity);
            return !validity.HasData;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}

/// <summary>A signing certificate as the gate judges it: its SHA-256 fingerprint (what the config pins) and validity.</summary>
public sealed record SigningCertificate(string Sha256, DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    /// <summary>
    /// Why the certificate no longer vouches for assertions on <paramref name="today"/> (it expired), or null. Judged by
    /// calendar day (UTC), so a verdict does not flip within the day a run is made. A certificate not yet valid is not
    /// refused: a rotation's next certificate is published and pinned ahead of use, and the pin (the key), not a date
    /// the key's holder wrote into its own certificate, is what says whose assertions these are.
    /// </summary>
    public string? Expired(DateOnly today)
    {
        var after = DateOnly.FromDateTime(NotAfter.UtcDateTime);
        return after < today ? $"its signing certificate with SHA-256 {Sha256} expired on {after:yyyy-MM-dd} (notAfter)" : null;
    }
}
