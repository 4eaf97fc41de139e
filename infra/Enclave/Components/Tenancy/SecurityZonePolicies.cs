using System.Collections.Immutable;
using Pulumi;

namespace Enclave.Components.Tenancy;

/// <summary>
/// The security-zone recipe of the enclave, by policy friendly name. OCIDs of security policies are realm-specific,
/// so they are looked up at deploy time (CloudGuard.GetSecurityPolicies) and never hard-coded. A zone policy denies
/// the operation outright, so these hold even against a principal with full IAM rights in the compartment.
/// </summary>
public static class SecurityZonePolicies
{
    public static readonly ImmutableArray<string> Required =
    [
        // Deny public access.
        "deny public_buckets",
        "deny public_subnets",
        "deny internet_gateway",
        "deny db_instance_public_access",
        "deny public_load_balancer",
        // Require customer-managed (vault) keys.
        "deny buckets_without_vault_key",
        "deny block_volume_without_vault_key",
        "deny boot_volume_without_vault_key",
        "deny file_system_without_vault_key",
        // Durability and approved configurations.
        "deny database_without_backup",
        "deny free_database_creation",
        // Nothing moves out of (or unvetted into) the zone.
        "deny block_volume_in_security_zone_move_to_compartment_not_in_security_zone",
        "deny boot_volume_in_security_zone_move_to_compartment_not_in_security_zone",
        "deny instance_in_security_zone_move_to_compartment_not_in_security_zone",
        "deny instance_not_in_security_zone_move_to_compartment_in_security_zone",
        "deny subnet_in_security_zone_move_to_compartment_not_in_security_zone",
        "deny bucket_in_security_zone_move_to_compartment_not_in_security_zone",
        "deny db_instance_move_to_compartment_not_in_security_zone",
        "deny attached_boot_volume_not_in_security_zone_move_to_compartment_in_security_zone",
        // Associations and copies stay inside the zone.
        "deny db_instance_subnet_not_in_security_zone",
        "deny db_resource_association_not_in_security_zone",
        "deny database_not_in_security_zone_create_from_backup_in_security_zone",
        "deny database_in_security_zone_create_clone_not_in_security_zone",
    ];

    /// <summary>Ids of the required policies among those the tenancy offers; one clear error if any is missing.</summary>
    public static ImmutableArray<string> SelectIds(IEnumerable<(string FriendlyName, string Id)> available)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (friendlyName, id) in available)
            if (!string.IsNullOrEmpty(friendlyName)) byName.TryAdd(friendlyName, id);

        var missing = Required.Where(name => !byName.ContainsKey(name)).ToList();
        if (missing.Count > 0)
            throw new RunException("Cloud Guard does not offer the security-zone policies the enclave recipe needs: " +
                                   string.Join(", ", missing) + ". Check that Cloud Guard is enabled in the home region.");
        return [.. Required.Select(name => byName[name])];
    }
}
