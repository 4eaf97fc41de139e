using Enclave.Alerts;

namespace Enclave.Policy.Tests.Rules;

/// <summary>How the gate compares an event rule's types with the types it requires (ENC-LOG-004, ENC-LOG-020).</summary>
public sealed class EventTypeMatchingTests
{
    [Theory]
    [InlineData("com.oraclecloud.keymanagementservice.disablekey.end", "com.oraclecloud.keymanagementservice.disablekey.begin")]
    [InlineData("com.oraclecloud.KeyManagementService.CreateVaultReplica.end", "com.oraclecloud.KeyManagementService.CreateVaultReplica.begin")]
    public void The_other_half_of_an_Oracle_type_satisfies_it(string declared, string required) =>
        Assert.Equal(EventTypes.Normalise(required), EventTypes.Normalise(declared));

    [Theory]
    [InlineData("com.oraclecloud.keymanagementservice.disablekey", "com.oraclecloud.keymanagementservice.disablekey.begin")]
    [InlineData("com.oraclecloud.databaseservice.deleteautonomousdatabase.begin", "com.oraclecloud.databaseservice.deleteautonomousdatabase")]
    [InlineData("com.oraclecloud.keymanagementservice.disablekey.beginning", "com.oraclecloud.keymanagementservice.disablekey.begin")]
    // Oracle documents no case-insensitive or trimmed matching: another case or padding may never fire (fail closed).
    [InlineData("com.oraclecloud.keymanagementservice.createvaultreplica.begin", "com.oraclecloud.KeyManagementService.CreateVaultReplica.begin")]
    [InlineData("com.oraclecloud.IdentityControlPlane.CreatePolicy", "com.oraclecloud.identitycontrolplane.createpolicy")]
    [InlineData(" com.oraclecloud.notification.deletetopic ", "com.oraclecloud.notification.deletetopic")]
    public void A_spelling_Oracle_never_emits_does_not_stand_in_for_the_type(string declared, string required) =>
        Assert.NotEqual(EventTypes.Normalise(required), EventTypes.Normalise(declared));

    [Fact]
    public void The_operation_drops_either_suffix() =>
        Assert.Equal("com.oraclecloud.servicegateway.deleteservicegateway",
            EventTypes.Operation("com.oraclecloud.servicegateway.DeleteServiceGateway.end"));
}
