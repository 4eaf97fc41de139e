using Enclave.Configuration.Reading;

namespace Enclave.Configuration.Sections;

/// <summary><c>us-data-enclave:vault</c>: vault type and key rotation.</summary>
internal static class VaultSection
{
    private static readonly string[] Fields = ["type", "keyRotationDays"];
    private static readonly string[] Types = ["DEFAULT", "VIRTUAL_PRIVATE"];

    public static VaultSettings? Read(ConfigReader r)
    {
        var o = r.Object(ConfigKeys.Vault, "an object with the vault type and key rotation", Fields);
        if (o is null) return null;
        var type = o.String("type", "the vault type: DEFAULT or VIRTUAL_PRIVATE");
        var rotation = o.Int("keyRotationDays", "the key auto-rotation interval, a whole number of days from 60 to 365");
        var typeOk = r.OneOf(o.FieldKey("type"), type, Types);
        // Every key must auto-rotate (CIS 4.16), and OCI offers automatic rotation only for keys in virtual
        // private vaults: a DEFAULT vault would fail at deploy time, so it is refused here, before anything is declared.
        if (typeOk && type == "DEFAULT")
        {
            r.Report(o.FieldKey("type"), "'DEFAULT' cannot be used: automatic key rotation (CIS 4.16), which every enclave key requires, is only available in VIRTUAL_PRIVATE vaults; use VIRTUAL_PRIVATE");
            typeOk = false;
        }
        // OCI auto-rotation accepts 60..365 days; CIS 4.16 asks for at most a year.
        r.Range(o.FieldKey("keyRotationDays"), rotation, 60, 365, "days");
        if (!typeOk || rotation is null) return null;
        return new VaultSettings
        {
            Type = type == "VIRTUAL_PRIVATE" ? VaultType.VirtualPrivate : VaultType.Default,
            KeyRotationDays = rotation.Value,
        };
    }
}
