using System.Collections.Immutable;
using Enclave.Engine.Tests.FakeEngine;
using Enclave.Engine.Tests.Running;
using Pulumi.Testing;

namespace Enclave.Engine.Tests.Conformance;

/// <summary>The probe program (Probe/) and the fake providers it runs against.</summary>
public static class ProbeProgram
{
    public const string Project = "probe-project";
    public const string Stack = "dev";
    public const string Tenancy = "ocid1.tenancy.oc1..probe";
    public const string ObjectStorageNamespace = "probenamespace";

    /// <summary>What the fake random provider generates for the admin password: tests look for it in plain text.</summary>
    public const string GeneratedPassword = "Fake-Generated-Pa55word";

    /// <summary>A secret config value (listed in PULUMI_CONFIG_SECRET_KEYS): never to be seen in plain text.</summary>
    public const string Token = "probe-secret-token-123";

    public static readonly IReadOnlyDictionary<string, string> Config = new Dictionary<string, string>
    {
        ["probe:tenancyOcid"] = Tenancy,
        ["probe:token"] = Token,
    };

    public static readonly IReadOnlyCollection<string> SecretKeys = ["probe:token"];

    public static FakeEngineOptions Options(bool dryRun) => new()
    {
        Project = Project,
        Stack = Stack,
        DryRun = dryRun,
        Providers = new ProbeProviders(),
    };

    public static Task<EngineRun> RunAsync(FakeEngineOptions options, IReadOnlyDictionary<string, string>? config = null)
        => EngineRun.RunAsync(Programs.Probe, options, config ?? Config, SecretKeys);

    /// <summary>The oci and random providers as far as the probe uses them: inputs echoed, a few computed outputs.</summary>
    private sealed class ProbeProviders : IMocks
    {
        public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
        {
            var state = args.Inputs.ToBuilder();
            switch (args.Type)
            {
                case "random:index/randomPassword:RandomPassword":
                    state["result"] = GeneratedPassword;
                    state["bcryptHash"] = "$2a$10$fakefakefakefakefakefu";
                    break;
                case "oci:Core/vcn:Vcn":
                    state["defaultSecurityListId"] = $"ocid1.securitylist.oc1..{args.Name}";
                    break;
            }
            var id = args.Type!.StartsWith("pulumi:providers:", StringComparison.Ordinal)
                ? $"provider-{args.Name}"
                : $"ocid1.{args.Type.Split(':')[^1].ToLowerInvariant()}.oc1..{args.Name}";
            return Task.FromResult<(string?, object)>((id, state.ToImmutable()));
        }

        public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Token switch
        {
            "oci:ObjectStorage/getNamespace:getNamespace" => ImmutableDictionary<string, object>.Empty
                .Add("namespace", ObjectStorageNamespace).Add("id", ObjectStorageNamespace),
            "oci:CloudGuard/getSecurityPolicies:getSecurityPolicies" => ImmutableDictionary<string, object>.Empty
                .Add("id", "policies")
                .Add("securityPolicyCollections", new object[]
                {
                    Collection("ocid1.securityzonepolicy.oc1..a", "deny_public_buckets"),
                    Collection("ocid1.securityzonepolicy.oc1..b", "deny_db_public_access"),
                }),
            _ => throw new NotSupportedException($"the probe's fake providers have no function {args.Token}"),
        });

        private static object Collection(string id, string friendlyName)
            => ImmutableDictionary<string, object>.Empty.Add("items", new object[]
            {
                ImmutableDictionary<string, object>.Empty.Add("id", id).Add("friendlyName", friendlyName),
            });
    }
}
