using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>
/// ENC-GOV-050: a credential to the data given as a plain input is stored in the clear in every state and preview of the
/// stack, for whoever can read them. Each must be absent or a Pulumi secret.
/// </summary>
public sealed class ClearCredentialAttacks : AttackClass
{
    private const string Database = "oci:Database/autonomousDatabase:AutonomousDatabase";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Attack("the database's ADMIN password set as a plain input", "ENC-GOV-050",
            p => p.Resource("database-adb", Database).Set("adminPassword", "Welcome-12345#"));
        yield return Attack("the admin secret's content written in the clear", "ENC-GOV-050",
            p => p.Resource("database-admin-secret").Set("secretContent", new JsonObject { ["content"] = "V2VsY29tZS0xMjM0NSM=", ["contentType"] = "BASE64" }));
        yield return Attack("the standby provider's API signing key in the clear", "ENC-GOV-050",
            p => p.Resource("regions-standby").Set("privateKey", "-----BEGIN PRIVATE KEY-----\nMIIEexample\n-----END PRIVATE KEY-----"));
        yield return Attack("Data Safe's database password in the clear", "ENC-GOV-050", p => p.Resource("database-data-safe-target")
            .Set("credentials", new JsonObject { ["userName"] = "DATASAFE$ADMIN", ["password"] = "Welcome-12345#" }));

        yield return Legitimate("the database's ADMIN password given as a secret", p => p.Resource("database-adb", Database).Secret("adminPassword"));
    }
}
