using System.Collections.Immutable;
using Enclave.Configuration;
using Enclave.Offline.Stacks;
using Enclave.Policy;

namespace Enclave.Offline.Planning;

/// <summary>
/// A stack's settings and policy context from its config file alone (no program run): what the CLI needs to judge a
/// <c>pulumi preview --json</c> or a state file of that stack with the same rules as the offline plan.
/// </summary>
public static class StackContext
{
    /// <summary>Stacks that have a config file in the repository (sorted), exactly those enclave-stacks.yaml declares.</summary>
    public static ImmutableArray<string> ListStacks(string repoRoot) => StackConfigFile.ListDeclaredStacks(repoRoot);

    /// <summary>The validated settings of <paramref name="stack"/>.</summary>
    /// <exception cref="StackConfigException">The project or stack file is unreadable or malformed, or the stack is unknown.</exception>
    /// <exception cref="ConfigurationException">A config value is invalid (every problem listed).</exception>
    public static EnclaveSettings LoadSettings(string repoRoot, string stack) =>
        EnclaveConfig.Load(StackConfigFile.Load(repoRoot, stack).Source, stack);

    /// <summary>
    /// The validated settings of <paramref name="stack"/> from the config the Pulumi engine hands a program or a policy
    /// pack (<c>namespace:key</c> → string, objects and lists as JSON text, project defaults applied by the CLI). Each
    /// value of <paramref name="secretKeys"/> reads as <see cref="StackConfig.SecretPlaceholder"/>, as offline: the
    /// settings never hold a decrypted secret, and the rules judge with exactly what `enclave check` judges with.
    /// </summary>
    /// <exception cref="ConfigurationException">A config value is invalid (every problem listed).</exception>
    public static EnclaveSettings SettingsFromEngineConfig(string stack, IReadOnlyDictionary<string, string> config,
        IEnumerable<string> secretKeys)
    {
        var secret = secretKeys.ToHashSet(StringComparer.Ordinal);
        var values = config.ToDictionary(kv => kv.Key, kv => secret.Contains(kv.Key) ? StackConfig.SecretPlaceholder : kv.Value,
            StringComparer.Ordinal);
        return EnclaveConfig.Load(new DictionaryConfigSource(values, secret), stack);
    }

    /// <summary>The policy context of <paramref name="stack"/> (same exceptions as <see cref="LoadSettings"/>).</summary>
    public static PolicyContext LoadPolicy(string repoRoot, string stack) => ToPolicy(LoadSettings(repoRoot, stack));

    /// <summary>Settings → what the isolation rules need to know.</summary>
    public static PolicyContext ToPolicy(EnclaveSettings s) => new()
    {
        AllowedRegions = s.AllowedRegions,
        DeploymentRegion = s.DeploymentRegion,
        HomeRegion = s.HomeRegion,
        TenancyId = s.TenancyOcid,
        EnclaveParentCompartment = s.ParentCompartmentOcid ?? s.TenancyOcid,
        GatekeeperGroup = s.Groups.Gatekeeper,
        IdentityDomain = s.Groups.IdentityDomain,
        IdentityDomainUrl = s.Groups.IdentityDomainUrl,
        OperatorGroup = s.Groups.Operator,
        AuditorGroup = s.Groups.Auditor,
        StorageAdminGroup = s.Groups.StorageAdmin,
        GatekeeperCidrs = s.GatekeeperCidrs,
        AuditorCidrs = s.AuditorCidrs,
        OnPremCidrs = s.Network.OnPremCidrs,
        VcnCidrs = [s.Network.VcnCidr],
        Subnets = new SubnetPlan(s.Network.DataSubnetCidr, s.Network.AppSubnetCidr, s.Network.AdminSubnetCidr),
        Parent = new ParentExclusions
        {
            TenancyOcids = s.ParentExclusions.TenancyOcids,
            IdentityDomains = s.ParentExclusions.IdentityDomains,
            Groups = s.ParentExclusions.Groups,
            IdentityProviders = s.ParentExclusions.IdentityProviders,
            EmailDomains = s.ParentExclusions.EmailDomains,
            Cidrs = s.ParentExclusions.Cidrs,
        },
        NetworkLimits = s.MinimumPrefix,
        NotificationEmails = s.NotificationEmails,
        ArchiveRetentionDays = s.Logging.ArchiveRetentionDays,
        LogRetentionDays = s.Logging.LogRetentionDays,
        ServiceGatewayObjectStorageOnly = s.Network.ServiceGateway == ServiceGatewayScope.ObjectStorage,
        SecurityZonePolicyIds = [.. s.OracleIds.SecurityZonePolicies.Values],
        OracleDetectorRecipeIds = [.. s.OracleIds.DetectorRecipes.Values],
        OracleResponderRecipeIds = s.OracleIds.ResponderRecipe is { } responder ? [responder] : [],
        ObjectStorageServiceIds = s.OracleIds.ObjectStorageServices,
        Identity = new IdentityPlane
        {
            IdentityProviders = [.. s.Federation.IdentityProviders.Select(p => new TrustedIdentityProvider(p.Name, p.EntityId, p.MetadataUrl)
            {
                SigningCertificateSha256 = p.SigningCertificateSha256,
            })],
            Users = [.. s.BreakGlass.Users.Select(u => Account(u, s.Groups))],
        },
    };

    /// <summary>A break-glass user with its persona keys resolved to the stack's group names.</summary>
    private static BreakGlassAccount Account(BreakGlassUser u, GroupSettings groups) => new(u.Name)
    {
        Email = u.Email,
        Ocid = u.Ocid,
        Groups = [.. u.Groups.Select(persona => persona switch
        {
            "gatekeeper" => groups.Gatekeeper,
            "operator" => groups.Operator,
            "auditor" => groups.Auditor,
            _ => groups.StorageAdmin,
        })],
        Credentials = [.. u.Credentials.Select(c => c switch
        {
            CredentialKind.ApiKey => UserCredential.ApiKey,
            CredentialKind.AuthToken => UserCredential.AuthToken,
            CredentialKind.CustomerSecretKey => UserCredential.CustomerSecretKey,
            _ => UserCredential.SmtpCredential,
        })],
    };
}
