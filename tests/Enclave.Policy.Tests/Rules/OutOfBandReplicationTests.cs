using Enclave.Policy.Graph;
using Enclave.Policy.Engine;
using Enclave.Policy.Tests.Support;
using static Enclave.Policy.Tests.Support.GraphBuilder;

namespace Enclave.Policy.Tests.Rules;

/// <summary>
/// ENC-REG-002 on copies the stack does not declare: a replication policy made in the console or by another stack shows
/// in a deployed state only as the bucket's <c>replicationEnabled</c> output, a cross-region standby added in the console
/// only as the database's <c>peerDbIds</c>, a vault replica as the vault's <c>replicaDetails</c>. Each must fail there; a bucket replicating by a policy of the stack (whose
/// destination the rule judges), one saying it does not replicate, and a database whose peer is the stack's own standby
/// must pass.
/// </summary>
public class OutOfBandReplicationTests
{
    private static FindingStatus? Status(GraphBuilder g, string resource, GraphPath path) => RuleRunner.Status(g, "ENC-REG-002", resource, path: path);

    [Fact]
    public void A_deployed_bucket_replicating_by_a_policy_outside_the_stack_fails()
    {
        var g = CompliantEnclave.Build();
        g["data-bucket"].Outputs["replicationEnabled"] = true;
        Assert.Equal(FindingStatus.Fail, Status(g, "data-bucket", GraphPath.StackExportJson));
        Assert.Equal(FindingStatus.Fail, Status(g, "data-bucket", GraphPath.HandKnownIds));
    }

    [Fact]
    public void A_bucket_replicating_by_the_stacks_own_policy_passes()
    {
        var g = CompliantEnclave.Build().With("data-bucket", "replicationEnabled", true);
        g.Add(OciTypes.ReplicationPolicy, "replica", new
        {
            bucket = NameOf("data-bucket"), @namespace = "enclavens", destinationBucketName = NameOf("archive"),
            destinationRegionName = "us-ashburn-1", name = "r",
        });
        foreach (var path in RuleRunner.AllPaths)
            Assert.Equal(FindingStatus.Pass, Status(g, "data-bucket", path));
    }

    [Theory]
    [InlineData("ocid1.autonomousdatabase.oc1.eu-frankfurt-1.aaaaaaaaoutofband")]  // another region
    [InlineData("ocid1.autonomousdatabase.oc1.phx.aaaaaaaaoutofband")]            // an allowed region, but no database of the stack
    public void A_deployed_database_with_a_standby_outside_the_stack_fails(string peer)
    {
        var g = CompliantEnclave.Build();
        g["adb"].Outputs["peerDbIds"] = new[] { peer };
        Assert.Equal(FindingStatus.Fail, Status(g, "adb", GraphPath.StackExportJson));
        Assert.Equal(FindingStatus.Fail, Status(g, "adb", GraphPath.HandKnownIds));
    }

    [Fact]
    public void A_deployed_database_whose_peer_is_the_stacks_own_standby_passes()
    {
        var g = CompliantEnclave.Build().WithStandby(Ref("key"));
        g["adb"].Outputs["peerDbIds"] = new[] { Ref("adb-standby") };
        g["adb-standby"].Outputs["peerDbIds"] = new[] { Ref("adb") };
        foreach (var path in (GraphPath[])[GraphPath.StackExportJson, GraphPath.HandKnownIds])
        {
            Assert.Equal(FindingStatus.Pass, Status(g, "adb", path));
            Assert.Equal(FindingStatus.Pass, Status(g, "adb-standby", path));
        }
    }

    [Fact]
    public void A_deployed_vault_replicated_outside_the_stack_fails_and_its_declared_replica_passes()
    {
        var g = CompliantEnclave.Build();
        g["vault"].Outputs["replicaDetails"] = new[] { new { replicationId = "ocid1.vaultreplication.oc1..outofband" } };
        Assert.Equal(FindingStatus.Fail, Status(g, "vault", GraphPath.StackExportJson));
        Assert.Equal(FindingStatus.Fail, Status(g, "vault", GraphPath.HandKnownIds));
        g.Add(OciTypes.VaultVerification, "vault-replica", new { vaultId = Ref("vault"), replicaRegion = "us-phoenix-1" });
        Assert.Equal(FindingStatus.Pass, Status(g, "vault", GraphPath.StackExportJson));
        Assert.Equal(FindingStatus.Pass, Status(g, "vault", GraphPath.HandKnownIds));
    }

    [Fact]
    public void A_bucket_that_says_it_does_not_replicate_is_not_judged_for_it()
    {
        var g = CompliantEnclave.Build().With("data-bucket", "replicationEnabled", false);
        g["archive"].Outputs["replicationEnabled"] = false;
        foreach (var path in RuleRunner.AllPaths)
        {
            Assert.Null(Status(g, "data-bucket", path));
            Assert.Null(Status(g, "archive", path));
        }
    }
}
