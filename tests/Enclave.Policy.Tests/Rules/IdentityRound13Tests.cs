using Enclave.Policy.Engine;
using Enclave.Policy.Rules.Identity;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Rules.IdentityRound13Cases;
using static Enclave.TestSupport.Federation.TestCertificates;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// The legitimate side of round 13 (the failing side is <see cref="IdentityRound13Cases"/>): a provider as OCI really
/// reports it (deployed certificate and sign-in URL of the pinned provider, during and after a rotation) still passes
/// ENC-IDN-001, and certificate validity is judged by calendar day.
/// </summary>
public class IdentityRound13Tests
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
        ["legacy provider as deployed: its pinned certificate, sign-in on the metadata URL's host"] = ("usds-idp", g =>
        {
            Deployed(g, "usds-idp", "signingCertificate", Usds);
            Deployed(g, "usds-idp", "redirectUrl", OnPinnedHost);
            Deployed(g, "usds-idp", "metadata", CompliantEnclave.IdpMetadata());
        }),
        ["legacy provider after a rotation: OCI signs with the next pinned certificate (PEM)"] = ("usds-idp", g =>
        {
            g.With("usds-idp", "metadata", CompliantEnclave.IdpMetadata(CompliantEnclave.IdpEntityId, Usds, UsdsNext));
            Deployed(g, "usds-idp", "signingCertificate", Pem(UsdsNext));
        }),
        ["legacy provider whose metadata signs in on the pinned host (upper-case)"] = ("usds-idp", g =>
            g.With("usds-idp", "metadata", MetadataSigningIn("https://USDS.okta.example/app/sso/saml"))),
        ["identity-domain provider as deployed, outputs as given"] = ("domain-idp", g =>
        {
            SigningCertificateCases.DomainIdp(g, Usds, ssoUrl: OnPinnedHost);
            Deployed(g, "domain-idp", "signingCertificate", Usds);
            Deployed(g, "domain-idp", "idpSsoUrl", OnPinnedHost);
        }),
        ["identity-domain provider whose deployed certificate is the next pinned one"] = ("domain-idp", g =>
        {
            SigningCertificateCases.DomainIdp(g, Usds, ssoUrl: OnPinnedHost);
            Deployed(g, "domain-idp", "signingCertificate", UsdsNext);
        }),
    };

    [Theory]
    [MemberData(nameof(Legitimate))]
    public void A_provider_as_deployed_with_pinned_values_passes(string change, GraphPath path)
    {
        var (resource, apply) = Changes[change];
        var g = CompliantEnclave.Build();
        apply(g);
        var report = RuleRunner.Run(g, path, "ENC-IDN-001");
        var finding = Assert.Single(report.Findings, f => f.Urn == g.Urn(resource));
        Assert.True(finding.Status == FindingStatus.Pass, $"{finding.Status}: {finding.Finding.Message}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_persona_group_as_OCI_reports_an_untouched_one_passes(GraphPath path)
    {
        var g = CompliantEnclave.Build();
        IdentityRound13Cases.PersonaDomainGroup(g);
        Deployed(g, "domain-group", "externalId", "");
        Deployed(g, "domain-group", "urnietfparamsscimschemasoracleidcsextensiondynamicGroup", new { membershipType = "static", membershipRule = "" });
        Deployed(g, "domain-group", "urnietfparamsscimschemasoracleidcsextensionrequestableGroup", new { requestable = false });
        Deployed(g, "domain-group", IdentityRound13Cases.DomainGroupExtension, new
        {
            description = "gatekeepers", creationMechanism = "api", owners = Array.Empty<object>(), appRoles = Array.Empty<object>(),
            grants = Array.Empty<object>(), syncedFromApps = Array.Empty<object>(),
        });
        var finding = Assert.Single(RuleRunner.Run(g, path, "ENC-IDN-111").Findings, f => f.Urn == g.Urn("domain-group"));
        Assert.True(finding.Status == FindingStatus.Pass, $"{finding.Status}: {finding.Finding.Message}");
    }

    public static TheoryData<GraphPath> Paths() => new(RuleRunner.AllPaths);

    [Fact]
    public void A_pinned_next_certificate_not_yet_valid_passes()
    {
        var (change, pin) = IdentityRound13Cases.Dated(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var g = CompliantEnclave.Build();
        change(g);
        var report = RuleRunner.Run(g, GraphPath.StackExportJson, "ENC-IDN-001", pin(CompliantEnclave.Policy));
        var finding = Assert.Single(report.Findings, f => f.Urn == g.Urn("usds-idp"));
        Assert.True(finding.Status == FindingStatus.Pass, $"{finding.Status}: {finding.Finding.Message}");
    }

    [Fact]
    public void Validity_is_read_from_the_certificate_and_expiry_judged_by_day()
    {
        var (base64, sha256) = SelfSigned("day.example", new DateTimeOffset(2030, 6, 15, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 6, 15, 0, 0, 0, TimeSpan.Zero));
        var certificate = SigningCertificates.Read(base64, out var problem);
        Assert.NotNull(certificate);
        Assert.Null(problem);
        Assert.Equal(sha256, certificate.Sha256);
        Assert.Equal(new DateTimeOffset(2030, 6, 15, 23, 0, 0, TimeSpan.Zero), certificate.NotBefore);
        Assert.Null(certificate.Expired(new DateOnly(2031, 6, 15)));   // its last day
        Assert.Contains("expired on 2031-06-15", certificate.Expired(new DateOnly(2031, 6, 16)));
        // The shipped test certificates (pinned in prod) are valid until 2036.
        Assert.Null(SigningCertificates.Read(Usds, out _)!.Expired(new DateOnly(2036, 1, 1)));
    }

    [Theory]
    [InlineData("bm90IGEgY2VydGlmaWNhdGU=")]          // "not a certificate"
    [InlineData("MAA=")]                               // an empty SEQUENCE
    [InlineData("MIIBkzCCATmgAwIBAgIURJbO")]            // a certificate cut short
    public void Bytes_that_are_not_a_certificate_are_not_read_as_one(string base64)
    {
        Assert.Null(SigningCertificates.Read(base64, out var problem));
        Assert.Contains("not", problem);
    }

    [Fact]
    public void Sign_on_locations_past_the_limit_are_refused_not_skipped()
    {
        var services = string.Concat(Enumerable.Repeat("<md:SingleSignOnService Location=\"https://usds.okta.example/sso\"/>", 40));
        var xml = CompliantEnclave.IdpMetadata().Replace("</md:IDPSSODescriptor>", services + "</md:IDPSSODescriptor>", StringComparison.Ordinal);
        Assert.NotNull(SamlMetadata.SingleSignOnLocations(xml, out var tooMany));
        Assert.True(tooMany);
    }
}
