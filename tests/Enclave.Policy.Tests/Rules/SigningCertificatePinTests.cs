using Enclave.Policy.Engine;
using Enclave.Policy.Rules.Identity;
using Enclave.Policy.Tests.Support;
using static Enclave.TestSupport.Federation.TestCertificates;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The legitimate side of pinned IdP signing certificates (the failing side is <see cref="SigningCertificateCases"/>):
/// a rotation with both certificates pinned, PEM or base64 in an identity domain, and a foreign encryption key
/// (which signs nothing) all pass ENC-IDN-001; and the certificate reader refuses what it cannot read.
/// </summary>
public class SigningCertificatePinTests
{
    public static TheoryData<string, GraphPath> Legitimate()
    {
        var data = new TheoryData<string, GraphPath>();
        foreach (var name in Changes.Keys)
        foreach (var path in RuleRunner.AllPaths) data.Add(name, path);
        return data;
    }

    private static readonly Dictionary<string, (string Resource, Action<GraphBuilder> Change)> Changes = new()
    {
        ["pinned certificate (the compliant enclave)"] = ("usds-idp", _ => { }),
        ["rotation: current and next certificate, both pinned"] = ("usds-idp", g =>
            g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, Usds, UsdsNext))),
        ["after the rotation: only the next certificate"] = ("usds-idp", g =>
            g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, UsdsNext))),
        ["a foreign encryption key beside the pinned signing certificate"] = ("usds-idp", g =>
            g.With("usds-idp", "metadata", Metadata(CompliantEnclave.IdpEntityId, [Usds], encryption: ParentCo))),
        ["identity-domain provider with the pinned certificate as PEM"] = ("domain-idp", g => SigningCertificateCases.DomainIdp(g, Pem(Usds))),
        ["identity-domain provider signing in on its metadata URL's host"] = ("domain-idp", g =>
            SigningCertificateCases.DomainIdp(g, Usds, ssoUrl: "https://USDS.okta.example/app/exk1usds/sso/saml")),
        ["identity-domain provider with base64 certificate and rotation metadata"] = ("domain-idp", g =>
            SigningCertificateCases.DomainIdp(g, UsdsNext, CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, Usds, UsdsNext))),
    };

    [Theory]
    [MemberData(nameof(Legitimate))]
    public void A_pinned_signing_certificate_passes(string change, GraphPath path)
    {
        var (resource, apply) = Changes[change];
        var g = CompliantEnclave.Build();
        apply(g);
        var report = RuleRunner.Run(g, path, "ENC-IDN-001");
        var finding = Assert.Single(report.Findings, f => f.Urn == g.Urn(resource));
        Assert.True(finding.Status == FindingStatus.Pass, $"{finding.Status}: {finding.Finding.Message}");
    }

    [Fact]
    public void Fingerprints_are_those_openssl_prints()
    {
        Assert.Equal(UsdsSha256, SigningCertificates.Fingerprint(Usds, out _));
        Assert.Equal(UsdsSha256, SigningCertificates.Fingerprint(Pem(Usds), out _));
        Assert.Equal([UsdsSha256, UsdsNextSha256], SigningCertificates.InMetadata(Metadata("urn:x", [Usds, UsdsNext], encryption: ParentCo), out _));
    }

    [Theory]
    [InlineData("<!DOCTYPE md [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>", "not well-formed")]
    [InlineData("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"urn:x\"/>", "no signing certificate")]
    [InlineData("<md:EntityDescriptor", "not well-formed")]
    public void Metadata_it_cannot_read_yields_no_certificate(string xml, string problem)
    {
        Assert.Null(SigningCertificates.InMetadata(xml, out var why));
        Assert.Contains(problem, why);
    }

    [Fact]
    public void Oversized_certificates_are_not_read()
    {
        Assert.Null(SigningCertificates.Fingerprint(new string('A', 100_000), out var why));
        Assert.Contains("longer than", why);
    }
}
