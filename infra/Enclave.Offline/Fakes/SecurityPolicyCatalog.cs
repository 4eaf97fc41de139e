using System.Collections.Immutable;

namespace Enclave.Offline.Fakes;

/// <summary>
/// The Oracle-managed security-zone policies a tenancy offers (CloudGuard.GetSecurityPolicies), by friendly name
/// and category, as listed in the OCI security-zone documentation. The fake cloud answers with all of them.
/// </summary>
public static class SecurityPolicyCatalog
{
    public sealed record Policy(string FriendlyName, string Category, string Service);

    public static readonly ImmutableArray<Policy> All =
    [
        new("deny public_buckets", "RESTRICT_DATA_ACCESSIBILITY", "objectstorage"),
        new("deny db_instance_public_access", "RESTRICT_DATA_ACCESSIBILITY", "database"),
        new("deny public_subnets", "RESTRICT_DATA_ACCESSIBILITY", "network"),
        new("deny internet_gateway", "RESTRICT_DATA_ACCESSIBILITY", "network"),
        new("deny public_load_balancer", "RESTRICT_DATA_ACCESSIBILITY", "loadbalancer"),
        new("deny security_list_to_allow_traffic_to_restricted_ports", "RESTRICT_DATA_ACCESSIBILITY", "network"),
        new("deny block_volume_without_vault_key", "REQUIRE_ENCRYPTION", "blockstorage"),
        new("deny boot_volume_without_vault_key", "REQUIRE_ENCRYPTION", "blockstorage"),
        new("deny buckets_without_vault_key", "REQUIRE_ENCRYPTION", "objectstorage"),
        new("deny file_system_without_vault_key", "REQUIRE_ENCRYPTION", "filestorage"),
        new("deny database_without_backup", "ENSURE_DATA_DURABILITY", "database"),
        new("deny block_volume_in_security_zone_move_to_compartment_not_in_security_zone", "RESTRICT_RESOURCE_MOVEMENT", "blockstorage"),
        new("deny boot_volume_in_security_zone_move_to_compartment_not_in_security_zone", "RESTRICT_RESOURCE_MOVEMENT", "blockstorage"),
        new("deny instance_in_security_zone_move_to_compartment_not_in_security_zone", "RESTRICT_RESOURCE_MOVEMENT", "compute"),
        new("deny instance_not_in_security_zone_move_to_compartment_in_security_zone", "RESTRICT_RESOURCE_MOVEMENT", "compute"),
        new("deny subnet_in_security_zone_move_to_compartment_not_in_security_zone", "RESTRICT_RESOURCE_MOVEMENT", "network"),
        new("deny bucket_in_security_zone_move_to_compartment_not_in_security_zone", "RESTRICT_RESOURCE_MOVEMENT", "objectstorage"),
        new("deny db_instance_move_to_compartment_not_in_security_zone", "RESTRICT_RESOURCE_MOVEMENT", "database"),
        new("deny attached_boot_volume_not_in_security_zone_move_to_compartment_in_security_zone", "RESTRICT_RESOURCE_MOVEMENT", "blockstorage"),
        new("deny db_instance_subnet_not_in_security_zone", "RESTRICT_RESOURCE_ASSOCIATION", "database"),
        new("deny db_resource_association_not_in_security_zone", "RESTRICT_RESOURCE_ASSOCIATION", "database"),
        new("deny database_not_in_security_zone_create_from_backup_in_security_zone", "ENSURE_DATA_SECURITY", "database"),
        new("deny database_in_security_zone_create_clone_not_in_security_zone", "ENSURE_DATA_SECURITY", "database"),
        new("deny free_database_creation", "USE_ONLY_ORACLE_APPROVED_CONFIGURATIONS", "database"),
    ];
}
