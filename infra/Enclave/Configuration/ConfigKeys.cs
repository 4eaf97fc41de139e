namespace Enclave.Configuration;

/// <summary>Full config keys of the enclave (see the comments of <see cref="EnclaveSettings"/>).</summary>
public static class ConfigKeys
{
    /// <summary>The project's config namespace (the project name in Pulumi.yaml).</summary>
    public const string Namespace = "us-data-enclave";

    public const string Region = "oci:region";
    public const string TenancyOcid = "oci:tenancyOcid";

    public const string HomeRegion = Namespace + ":homeRegion";
    public const string ParentCompartmentOcid = Namespace + ":parentCompartmentOcid";
    public const string NamePrefix = Namespace + ":namePrefix";
    public const string AllowedRegions = Namespace + ":allowedRegions";
    public const string GatekeeperCidrs = Namespace + ":gatekeeperCidrs";
    public const string AuditorCidrs = Namespace + ":auditorCidrs";
    public const string NotificationEmails = Namespace + ":notificationEmails";
    public const string Network = Namespace + ":network";
    public const string Groups = Namespace + ":groups";
    public const string ParentExclusions = Namespace + ":parentExclusions";
    public const string Database = Namespace + ":database";
    public const string Logging = Namespace + ":logging";
    public const string Vault = Namespace + ":vault";
    public const string MinimumPrefix = Namespace + ":minimumPrefix";
    public const string Federation = Namespace + ":federation";
    public const string BreakGlass = Namespace + ":breakGlass";
    public const string OracleIds = Namespace + ":oracleIds";

    /// <summary>Every top-level key the program reads, in the order problems are reported.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Region, TenancyOcid, HomeRegion, ParentCompartmentOcid, NamePrefix, AllowedRegions, GatekeeperCidrs,
        AuditorCidrs, NotificationEmails, Network, Groups, ParentExclusions, Database, Logging, Vault, MinimumPrefix, Federation, BreakGlass, OracleIds,
    ];

    /// <summary>The names (without namespace) of the <see cref="Namespace"/> keys in <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<string> ProjectKeyNames =
        All.Where(k => k.StartsWith(Namespace + ":", StringComparison.Ordinal)).Select(k => k[(Namespace.Length + 1)..]).ToArray();

    /// <summary>The <c>pulumi config set</c> command that sets <paramref name="fullKey"/> (a path for object fields).</summary>
    public static string SetCommand(string fullKey)
    {
        var isProject = fullKey.StartsWith(Namespace + ":", StringComparison.Ordinal);
        var key = isProject ? fullKey[(Namespace.Length + 1)..] : fullKey;
        var path = key.Contains('.') || key.Contains('[') ? "--path " : "";
        return $"pulumi config set {path}{key} <value>";
    }
}
