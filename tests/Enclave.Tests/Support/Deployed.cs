using System.Collections.Immutable;
using Enclave.Configuration;
using Enclave.Offline.Fakes;

namespace Enclave.Tests.Support;

/// <summary>Everything one run of the program produced, for the isolation rules to inspect.</summary>
public sealed record Deployed(
    string Stack,
    EnclaveSettings Settings,
    FakeCloud Cloud,
    ImmutableArray<Registered> Resources,
    ImmutableArray<Observed> Observations,
    EnclaveStack StackResource)
{
    public const string ProviderType = "pulumi:providers:oci";

    public IEnumerable<Registered> OfType(string type) => Resources.Where(r => r.Type == type);

    public Registered Single(string type, string nameContains) =>
        Resources.Single(r => r.Type == type && r.Name.Contains(nameContains, StringComparison.Ordinal));

    public Registered? ById(string? id) => id is null ? null : Resources.FirstOrDefault(r => r.Id == id);

    /// <summary>The region a resource is created in: its explicit provider's region, else the stack's oci:region.</summary>
    public string RegionOf(Registered resource)
    {
        if (string.IsNullOrEmpty(resource.Provider)) return Settings.DeploymentRegion;
        var providerId = resource.Provider[(resource.Provider.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
        var provider = Resources.FirstOrDefault(r => r.Type == ProviderType && r.Id == providerId);
        return provider?.Str("region") ?? "(unknown provider " + resource.Provider + ")";
    }

    /// <summary>Custom OCI resources (no providers, no components, no Pulumi.Random).</summary>
    public IEnumerable<Registered> OciResources => Resources.Where(r => r.Type.StartsWith("oci:", StringComparison.Ordinal));

    /// <summary>
    /// Id of the security-zone policy <paramref name="friendlyName"/>: the one the stack declares
    /// (<c>oracleIds.securityZonePolicies</c>), else the one the fake cloud gives it in the home region.
    /// </summary>
    public string? SecurityPolicyId(string friendlyName)
    {
        if (Settings.OracleIds.SecurityZonePolicies.TryGetValue(friendlyName, out var declared)) return declared;
        var answer = Cloud.Invoke(FakeCloud.GetSecurityPolicies,
            ImmutableDictionary<string, object>.Empty.Add("compartmentId", Settings.TenancyOcid), Settings.HomeRegion);
        return Values.At(answer, "securityPolicyCollections[0].items") is IEnumerable<object?> items
            ? items.FirstOrDefault(i => Values.At(i, "friendlyName") as string == friendlyName) is { } item
                ? Values.At(item, "id") as string : null
            : null;
    }

    /// <summary>Plain text of every generated secret (the fake cloud's RandomPassword results).</summary>
    public IReadOnlyList<string> GeneratedSecrets =>
        [.. OfType(Oci.RandomPassword).Select(p => p.State.GetValueOrDefault("result") as string).OfType<string>()];

    public IEnumerable<Registered> Policies => OfType(Oci.Policy);

    /// <summary>Every policy statement with the policy it is in.</summary>
    public IEnumerable<(Registered Policy, string Statement)> Statements =>
        Policies.SelectMany(p => p.Strings("statements").Select(s => (p, s)));
}
