using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Enclave.TestSupport.Federation;

/// <summary>
/// Self-signed P-256 certificates (base64 DER, made with openssl for these tests) standing for identity providers'
/// signing keys, their SHA-256 fingerprints as `openssl x509 -noout -fingerprint -sha256` prints them (without colons),
/// and SAML metadata that carries them. The fingerprints are the ones pinned in stacks/Pulumi.prod.yaml.
/// </summary>
public static class TestCertificates
{
    /// <summary>The US data-security team's current signing certificate.</summary>
    public const string Usds = "MIIBkzCCATmgAwIBAgIURJbOGkKEGrabCRYRfnhg4uYRW60wCgYIKoZIzj0EAwIwHzEdMBsGA1UEAwwUdXNkcy1jdXJyZW50LmV4YW1wbGUwHhcNMjYxMjA3MjMzMDM2WhcNMzYxMjA0MjMzMDM2WjAfMR0wGwYDVQQDDBR1c2RzLWN1cnJlbnQuZXhhbXBsZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABMYLEbD7O7EYN6Pn/slQ95sTJ+9G4ZjIdkLxc0K8dRoVwpnp+seT4nbzDGiCsfBxozTA0L/9vwWRD3MFIipC4jqjUzBRMB0GA1UdDgQWBBQPu3ufUVL7n71ZjY0SXqHD+llWnzAfBgNVHSMEGDAWgBQPu3ufUVL7n71ZjY0SXqHD+llWnzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIHujsZZ5XPElDanlPMuJcoIE7ptYDEvzU2jPD5Ng/hLGAiEAk9eU6M7puSoKNAeB4rGi0W2fisjQv6Z90DIfgaT3MBQ=";
    public const string UsdsSha256 = "6a35f5efe73384e2cca582abe5f4094c5d4a8a6a80606e14f48c0b7219ee21d7";

    /// <summary>Its successor, pinned ahead of a rotation.</summary>
    public const string UsdsNext = "MIIBjTCCATOgAwIBAgIUIcTRv+s4CgXmGQHZzRfhQAf9RPQwCgYIKoZIzj0EAwIwHDEaMBgGA1UEAwwRdXNkcy1uZXh0LmV4YW1wbGUwHhcNMjYxMjA3MjMzMDM2WhcNMzYxMjA0MjMzMDM2WjAcMRowGAYDVQQDDBF1c2RzLW5leHQuZXhhbXBsZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABKB/5DUmb7OWbPBdeIqFetC28EkNrGTsUNIBwvnEDkHFC0dfhU6tbB743KN8Bm6p8TEwZhE4nTvgPX1f2OpNbwqjUzBRMB0GA1UdDgQWBBRDmOaaq+iAcUmHeUaG3Cs5CRo9GDAfBgNVHSMEGDAWgBRDmOaaq+iAcUmHeUaG3Cs5CRo9GDAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIDvo63QoJrB13cTBo2ZDEaDCc8ZZ7CgBvLr5owGd137QAiEAmdhf6RTZIi1Jyf006/kPtTGNUcW5wPROTl4/Ecm7ft0=";
    public const string UsdsNextSha256 = "ab84129ae22a2f1904602688ff18bbcd9564ef72b86050478d68ecfa3cfd4b21";

    /// <summary>The parent company's signing certificate: never pinned.</summary>
    public const string ParentCo = "MIIBizCCATGgAwIBAgIUFVrYPyk0TyKftUeZXjRCAOCxRWMwCgYIKoZIzj0EAwIwGzEZMBcGA1UEAwwQcGFyZW50Y28uZXhhbXBsZTAeFw0yNjEyMDcyMzMwMzdaFw0zNjEyMDQyMzMwMzdaMBsxGTAXBgNVBAMMEHBhcmVudGNvLmV4YW1wbGUwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQsALPD1eXytYOapNi81YEPIvbCNxuzrYszmVe5fYDX392zymQs7JCSPKjoiLpNeeG2B1C1sLocIn4S2yvoc3kAo1MwUTAdBgNVHQ4EFgQUBxz0RGO6NURODRJ12RW7Oea0/MYwHwYDVR0jBBgwFoAUBxz0RGO6NURODRJ12RW7Oea0/MYwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiAEmPSkflvh02z2bbJqiUZptMxPGf8xz8KPdedBG3HaLQIhAP6s2/8IssHUYSeVmovEkKTNbJ6N3IQrbpgPxm5FXjXt";
    public const string ParentCoSha256 = "7f8ebb482cbe6ed17bd89dc5aa25d4228683abf7cbea162ff746685ab0f78494";

    /// <summary>The certificate as PEM (how an identity domain's <c>signingCertificate</c> is often pasted).</summary>
    public static string Pem(string base64) =>
        "-----BEGIN CERTIFICATE-----\n" + string.Join('\n', base64.Chunk(64).Select(c => new string(c))) + "\n-----END CERTIFICATE-----\n";

    /// <summary>
    /// SAML metadata of one entity whose IdP role signs with <paramref name="certificates"/> (KeyDescriptor use="signing"),
    /// plus <paramref name="encryption"/> under a KeyDescriptor use="encryption" when given.
    /// </summary>
    public static string Metadata(string entityId, IEnumerable<string> certificates, string? encryption = null)
    {
        var keys = string.Concat(certificates.Select(c => Key("signing", c)));
        if (encryption is not null) keys += Key("encryption", encryption);
        return $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{entityId}\">" +
               $"<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">{keys}</md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    private static string Key(string use, string certificate) =>
        $"<md:KeyDescriptor use=\"{use}\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data>" +
        $"<ds:X509Certificate>{certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>";

    /// <summary>
    /// A self-signed P-256 certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/> (base64 DER)
    /// and its SHA-256 fingerprint, made when a test needs a validity period relative to today (expired, not yet valid).
    /// </summary>
    public static (string Base64, string Sha256) SelfSigned(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        var der = certificate.RawData;
        return (Convert.ToBase64String(der), Convert.ToHexStringLower(SHA256.HashData(der)));
    }
}
