using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Governance;

/// <summary>
/// A credential to the data written into a resource's inputs as a plain value (the database's ADMIN password, a vault
/// secret's content, a provider's API signing key, Data Safe's database password, an external key manager's client
/// secret) is stored in the clear in every state, checkpoint and preview of the stack: whoever can read those, the
/// backend's organisation, a CI log, a parent-company platform team, holds the key to the US data. Each declared
/// credential input is absent or a Pulumi secret; the table is the allow-list of where credentials may appear.
/// </summary>
public sealed class CredentialsKeptSecret : SinkRuleBase
{
    /// <summary>Per type, the paths (dotted, from a top-level input) of credentials that must only ever be secrets.</summary>
    private static readonly (string Type, string[] Paths)[] Credentials =
    [
        (OciTypes.AutonomousDatabase, ["adminPassword"]),
        ("oci:Vault/secret:Secret", ["secretContent.content"]),
        (OciTypes.Provider, ["privateKey", "privateKeyPassword", "tokenExchangeClientSecret"]),
        (OciTypes.DataSafeTargetDatabase, ["credentials.password"]),
        (OciTypes.DomainsUser, ["password"]),
        (OciTypes.Vault, ["externalKeyManagerMetadata.oauthMetadata.clientAppSecret"]),
    ];

    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-GOV-050", "Credentials to the data are only ever secrets", Severity.Critical, Enforcement.Mandatory,
        "A password, signing key or client secret given as a plain input is written in the clear into the state, every checkpoint and the preview: anyone who can read them (the state backend's organisation, CI logs) can sign in to the database or the tenancy.",
        "Pass the credential as a secret (Output.CreateSecret, `pulumi config set --secret`), or better, keep it out of the stack (the database reads its ADMIN password from the vault through secretId).")
    {
        Scope = RuleScope.Resource,
    };

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var judged = 0;
        foreach (var (type, paths) in Credentials)
            foreach (var node in context.Graph.OfType(type))
                foreach (var path in paths)
                {
                    var (value, hidden) = Read(node, path);
                    if (hidden || value.IsNull) continue;
                    judged++;
                    sink.Add(value.IsUnknown
                        ? Undetermined(node.Urn, $"{node.Label}: {path} not known until deploy, so the gate cannot tell whether it is kept secret")
                        : Fail(node.Urn, $"{node.Label}: {path} is a plain value, stored in the clear in every state and preview of the stack; pass it as a secret"));
                }
        if (judged == 0) sink.Pass(Scope.StackUrn(context.Graph), "every credential input is absent or a secret");
    }

    /// <summary>The value at a dotted path, and whether a secret hides it (a secret anywhere along the path hides all below).</summary>
    private static (PropertyValue Value, bool Hidden) Read(ResourceNode node, string path)
    {
        var parts = path.Split('.');
        var value = node.Input(parts[0]);
        for (var i = 1; i < parts.Length && value is MapValue; i++) value = value[parts[i]];
        return (value, value.IsSecret);
    }
}
