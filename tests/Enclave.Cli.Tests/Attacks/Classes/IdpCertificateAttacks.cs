using Enclave.Cli.Tests.Attacks.Framework;
using static Enclave.Cli.Tests.Attacks.Classes.IdentityPlane;
using static Enclave.TestSupport.Federation.TestCertificates;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// Issue 10.4, signing certificates: prod's trusted IdP (name, entity id and metadata URL all right) whose assertions
/// another party signs. Prod pins its current and next certificate (stacks/Pulumi.prod.yaml); rotation must pass.
/// </summary>
public sealed class IdpCertificateAttacks : AttackClass
{
    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the trusted IdP's metadata with the parent company's signing certificate", "ENC-IDN-001",
            p => LegacyIdp(p, TrustedIdp, TrustedEntityId, TrustedMetadataUrl).Set("metadata", Metadata(TrustedEntityId, ParentCo)));
        yield return Attack("the trusted IdP's metadata with a second, foreign signing certificate", "ENC-IDN-001",
            p => LegacyIdp(p, TrustedIdp, TrustedEntityId, TrustedMetadataUrl).Set("metadata", Metadata(TrustedEntityId, Usds, ParentCo)));
        yield return Attack("the trusted IdP's metadata whose signing certificate cannot be read", "ENC-IDN-001",
            p => LegacyIdp(p, TrustedIdp, TrustedEntityId, TrustedMetadataUrl).Set("metadata", Metadata(TrustedEntityId, "%%not-base64%%")));
        yield return Attack("identity-domain IdP with the trusted entity id and the parent company's certificate", "ENC-IDN-001",
            p => DomainIdp(p, TrustedIdp, TrustedEntityId, jit: false).Set("signingCertificate", Pem(ParentCo)));
        yield return Attack("identity-domain IdP with JIT into the gatekeepers, signed by the parent company", "ENC-IDN-002",
            p => DomainIdp(p, TrustedIdp, TrustedEntityId, jit: true).Set("signingCertificate", ParentCo));
        yield return Attack("identity-domain IdP whose signing certificate is secret", "ENC-IDN-001",
            p => DomainIdp(p, TrustedIdp, TrustedEntityId, jit: false).Secret("signingCertificate"));
        yield return Attack("identity-domain IdP, pinned certificate, sign-in sent to a look-alike host", "ENC-IDN-001",
            p => DomainIdp(p, TrustedIdp, TrustedEntityId, jit: false).Set("idpSsoUrl", "https://usds-okta.sso-login.example/app/sso/saml"));

        yield return Legitimate("the trusted IdP during a rotation: current and next certificate, both pinned",
            p => LegacyIdp(p, TrustedIdp, TrustedEntityId, TrustedMetadataUrl).Set("metadata", Metadata(TrustedEntityId, Usds, UsdsNext)));
        yield return Legitimate("identity-domain IdP after the rotation, signing with the next pinned certificate",
            p => DomainIdp(p, TrustedIdp, TrustedEntityId, jit: false).Set("signingCertificate", UsdsNext)
                .Set("idpSsoUrl", "https://usds.okta.example/app/exk1usdsprod/sso/saml"));
    }
}
