using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;
using Enclave.Policy.Rules.Iam.DataAccess;

namespace Enclave.Policy.Rules.Iam.Reach;

/// <summary>The stack's own keys, secrets and user-data buckets: what a <see cref="Pin"/> may name.</summary>
internal sealed class StackResources
{
    private const string SecretType = "oci:Vault/secret:Secret";

    private readonly KnownStrings _keys = new(), _secretNames = new(), _secretIds = new(), _userBuckets = new();
    private readonly EnclaveIdentities _ids;

    public StackResources(ResourceGraph graph, EnclaveIdentities ids)
    {
        _ids = ids;
        foreach (var k in graph.OfType(OciTypes.Key)) _keys.Add(k.Id.AsString());
        foreach (var s in graph.OfType(SecretType))
        {
            _secretNames.Add(s.Input("secretName").AsString());
            _secretIds.Add(s.Id.AsString());
        }
        foreach (var b in graph.OfType(OciTypes.Bucket))
        {
            var name = b.Input("name").AsString();
            // A bucket whose name is unknown, or that may be an archive, is not certainly a user-data bucket.
            if (name is null) _userBuckets.Add(null);
            else if (ids.IsArchiveBucket(name) == Truth.False) _userBuckets.Add(name);
        }
    }

    /// <summary>The variables a pin reads, each with the values it allows.</summary>
    public IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> Variables(Pin pin) => pin switch
    {
        Pin.StackKeys => [("target.key.id", _keys.Contains)],
        Pin.StackSecrets => [("target.secret.name", _secretNames.Contains), ("target.secret.id", _secretIds.Contains)],
        Pin.UserDataBuckets => [("target.bucket.name", _userBuckets.Contains)],
        _ => [],
    };

    /// <summary>The buckets of a place, by name.</summary>
    public Func<string, Truth> InPlace(Place place) => place == Place.Archive ? _ids.IsArchiveBucket : _userBuckets.Contains;

    public static string Describe(Pin pin) => pin switch
    {
        Pin.StackKeys => "target.key.id = a key of this stack",
        Pin.StackSecrets => "target.secret.name (or .id) = a secret of this stack",
        Pin.UserDataBuckets => "target.bucket.name = a user-data bucket of this stack",
        _ => "no condition",
    };
}
