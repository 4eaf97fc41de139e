using System.Security.Cryptography;
using System.Xml;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// The signing certificates an identity provider presents, as SHA-256 fingerprints of their DER bytes: those in SAML
/// metadata (<c>KeyDescriptor</c> with <c>use="signing"</c> or without <c>use</c>) and a single base64 DER or PEM
/// certificate (<c>DomainsIdentityProvider.signingCertificate</c>). The metadata is read with the same hardened
/// settings as its entity id (no DTD, no external entities, bounded size): the artifact may be hostile.
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
    public static IReadOnlyList<string>? InMetadata(string xml, out string? problem)
    {
        problem = null;
        var found = new List<string>();
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
                    var fingerprint = Fingerprint(reader.ReadElementContentAsString(), out problem);
                    positioned = true;
                    if (fingerprint is null) return null;
                    found.Add(fingerprint);
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

    /// <summary>The fingerprint of one base64 DER or PEM certificate, or null with the reason it cannot be read.</summary>
    public static string? Fingerprint(string text, out string? problem)
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
        return Convert.ToHexStringLower(SHA256.HashData(der.AsSpan(0, written)));
    }
}
