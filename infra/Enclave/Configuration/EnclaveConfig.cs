using System.Collections.Immutable;
using Enclave.Configuration.Reading;
using Enclave.Configuration.Sections;

namespace Enclave.Configuration;

/// <summary>
/// Reads and validates the enclave's config as a whole. <see cref="Parse"/> is pure (any <see cref="IConfigSource"/>);
/// <c>Read()</c> is what the program calls first, before declaring any resource.
/// </summary>
public static partial class EnclaveConfig
{
    /// <summary>Reads every key, checks every rule, and returns the settings or every problem found.</summary>
    public static ConfigResult Parse(IConfigSource source, string stack)
    {
        var r = new ConfigReader(source);
        r.UnknownProjectKeys();

        // Regions and exclusions first: every other section is checked against them.
        var allowed = RegionChecks.ReadAllowed(r);
        var deployment = r.String(ConfigKeys.Region, "the deployment region, a US region such as us-ashburn-1");
        if (deployment is not null) RegionChecks.Check(r, ConfigKeys.Region, deployment, allowed);
        var home = r.String(ConfigKeys.HomeRegion, "the tenancy's home region, a US region such as us-ashburn-1");
        if (home is not null) RegionChecks.Check(r, ConfigKeys.HomeRegion, home, allowed);
        var (exclusions, parentCidrs) = ParentExclusionsSection.Read(r);
        var limits = PrefixLimitsSection.Read(r);
        var context = new ReadContext(exclusions ?? new ParentExclusionSettings(), parentCidrs, allowed, deployment) { Limits = limits };

        var tenancy = IdentitySection.ReadTenancy(r, context);
        var parentCompartment = IdentitySection.ReadParentCompartment(r, context, tenancy);
        var prefix = IdentitySection.ReadNamePrefix(r);
        var gatekeeperCidrs = IdentitySection.ReadGatekeeperCidrs(r, context);
        var auditorCidrs = IdentitySection.ReadAuditorCidrs(r, context);
        var emails = IdentitySection.ReadEmails(r, context);
        var network = NetworkSection.Read(r, context, PersonaCidrs(gatekeeperCidrs, auditorCidrs));
        var groups = GroupsSection.Read(r, context);
        var database = DatabaseSection.Read(r, context);
        var logging = LoggingSection.Read(r);
        var vault = VaultSection.Read(r);
        var federation = FederationSection.Read(r, context);
        var breakGlass = BreakGlassSection.Read(r, context);
        var oracleIds = OracleIdsSection.Read(r);

        var problems = r.Problems.ToImmutableArray();
        if (!problems.IsEmpty || deployment is null || home is null || tenancy is null || prefix is null ||
            gatekeeperCidrs is null || auditorCidrs is null || emails is null || exclusions is null || network is null || groups is null ||
            database is null || logging is null || vault is null)
            return new ConfigResult(stack, null, problems);

        return new ConfigResult(stack, new EnclaveSettings
        {
            Stack = stack,
            DeploymentRegion = deployment,
            HomeRegion = home,
            TenancyOcid = tenancy,
            ParentCompartmentOcid = parentCompartment,
            NamePrefix = prefix,
            AllowedRegions = allowed,
            GatekeeperCidrs = gatekeeperCidrs.Value,
            AuditorCidrs = auditorCidrs.Value,
            NotificationEmails = emails.Value,
            Network = network,
            Groups = groups,
            ParentExclusions = exclusions,
            Database = database,
            Logging = logging,
            Vault = vault,
            MinimumPrefix = limits,
            Federation = federation,
            BreakGlass = breakGlass,
            OracleIds = oracleIds,
        }, problems);
    }

    private static (string Key, ImmutableArray<string> Cidrs)[] PersonaCidrs(ImmutableArray<string>? gatekeepers, ImmutableArray<string>? auditors) =>
        [(ConfigKeys.GatekeeperCidrs, gatekeepers ?? []), (ConfigKeys.AuditorCidrs, auditors ?? [])];
}
