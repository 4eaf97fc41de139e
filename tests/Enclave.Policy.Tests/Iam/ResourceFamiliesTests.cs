using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Tests.Iam;

/// <summary>Family coverage: certain, uncertain ("say it may"), and not at all.</summary>
public sealed class ResourceFamiliesTests
{
    [Theory]
    [InlineData("virtual-network-family", "subnets", Truth.True)]
    [InlineData("virtual-network-family", "drg-route-tables", Truth.True)]
    [InlineData("virtual-network-family", "buckets", Truth.False)]
    [InlineData("virtual-network-family", "some-new-network-thing", Truth.False)]
    [InlineData("object-family", "buckets", Truth.True)]
    [InlineData("object-family", "some-new-object-thing", Truth.Unknown)]
    [InlineData("object-family", "keys", Truth.False)]
    [InlineData("volume-family", "boot-volume-backups", Truth.True)]
    [InlineData("database-family", "db-systems", Truth.True)]
    [InlineData("database-family", "autonomous-databases", Truth.Unknown)]
    [InlineData("autonomous-database-family", "autonomous-databases", Truth.True)]
    [InlineData("secret-family", "secrets", Truth.True)]
    [InlineData("logging-family", "log-groups", Truth.True)]
    [InlineData("all-resources", "keys", Truth.True)]
    [InlineData("keys", "keys", Truth.True)]
    [InlineData("KEYS", "keys", Truth.True)]
    [InlineData("keys", "vaults", Truth.False)]
    [InlineData("key-delegate", "keys", Truth.False)]
    [InlineData("mystery-family", "keys", Truth.Unknown)]
    [InlineData("buckets", "object-family", Truth.Unknown)]
    [InlineData("buckets", "all-resources", Truth.Unknown)]
    [InlineData("database-family", "autonomous-database-family", Truth.Unknown)]
    [InlineData("object-family", "virtual-network-family", Truth.False)]
    public void Covers(string granted, string requested, Truth expected) =>
        Assert.Equal(expected, ResourceFamilies.Covers(granted, requested));

    [Fact]
    public void Verbs_are_ordered_inspect_read_use_manage()
    {
        Assert.True(Verb.Inspect < Verb.Read && Verb.Read < Verb.Use && Verb.Use < Verb.Manage);
    }

    [Theory]
    [InlineData(Truth.False, Truth.Unknown, Truth.False, Truth.Unknown)]
    [InlineData(Truth.True, Truth.Unknown, Truth.Unknown, Truth.True)]
    [InlineData(Truth.Unknown, Truth.Unknown, Truth.Unknown, Truth.Unknown)]
    [InlineData(Truth.True, Truth.False, Truth.False, Truth.True)]
    public void Kleene_logic(Truth a, Truth b, Truth and, Truth or)
    {
        Assert.Equal(and, a.And(b));
        Assert.Equal(or, a.Or(b));
        Assert.Equal(a, a.Not().Not());
    }
}
