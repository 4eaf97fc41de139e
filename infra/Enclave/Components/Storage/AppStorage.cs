using Enclave.Configuration;
using Enclave.Components.Keys;
using Enclave.Components.Tenancy;
using Pulumi;
using Pulumi.Oci.ObjectStorage;

namespace Enclave.Components.Storage;

/// <summary>
/// Application storage: the bucket the consumer app keeps US users' files in. Private, encrypted with the enclave's
/// bucket key, versioned (CIS 5.1.3; no retention rule here, OCI forbids both on one bucket), object events on,
/// protected. Deletes are reserved to the storage admins by IAM; its write log is declared with the other logs.
/// </summary>
public sealed class AppStorage : EnclaveComponent
{
    public const string Type = "us-data-enclave:storage:AppStorage";

    public Output<string> BucketName { get; }
    public Output<string> Namespace { get; }

    /// <param name="keyGrant">IAM that lets Object Storage use the buckets key: it must exist before the bucket.</param>
    public AppStorage(string name, EnclaveSettings settings, EnclaveCompartments compartments, VaultAndKeys keys,
        IReadOnlyList<Resource> keyGrant, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        Namespace = GetNamespace.Invoke(new GetNamespaceInvokeArgs { CompartmentId = settings.TenancyOcid },
            InvokeOptionsFor()).Apply(result => result.Namespace);

        var bucket = new Bucket(ChildName("user-data"), new BucketArgs
        {
            CompartmentId = compartments.App,
            Namespace = Namespace,
            Name = Naming.Display(settings.NamePrefix, "user-data"),
            AccessType = "NoPublicAccess",
            KmsKeyId = keys.BucketsKeyId,
            Versioning = "Enabled",
            ObjectEventsEnabled = true,
            StorageTier = "Standard",
        }, ChildOptions(protect: true, dependsOn: keyGrant));
        BucketName = bucket.Name;
        RegisterOutputs();
    }
}
