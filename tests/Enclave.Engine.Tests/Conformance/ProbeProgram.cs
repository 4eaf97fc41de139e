using Enclave.Engine.Tests.FakeEngine;
using Enclave.Engine.Tests.Running;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace Enclave.Engine.Tests.Conformance;

/// <summary>The probe program (Probe/) and what its provider functions return.</summary>
public static class ProbeProgram
{
    public const string Project = "probe-project";
    public const string Stack = "dev";
    public const string Tenancy = "ocid1.tenancy.oc1..probe";
    public const string ObjectStorageNamespace = "probenamespace";

    public static readonly IReadOnlyDictionary<string, string> Config = new Dictionary<string, string>
    {
        ["probe:tenancyOcid"] = Tenancy,
    };

    public static FakeEngineOptions Options(bool dryRun) => new()
    {
        Project = Project,
        Stack = Stack,
        DryRun = dryRun,
        Invoke = Invoke,
    };

    public static Task<EngineRun> RunAsync(FakeEngineOptions options, IReadOnlyDictionary<string, string>? config = null)
        => EngineRun.RunAsync(Programs.Probe, options, config ?? Config);

    private static Struct? Invoke(ResourceInvokeRequest request) => request.Tok switch
    {
        "oci:ObjectStorage/getNamespace:getNamespace" => Struct.Parser.ParseJson($$"""{"namespace":"{{ObjectStorageNamespace}}","id":"{{ObjectStorageNamespace}}"}"""),
        "oci:CloudGuard/getSecurityPolicies:getSecurityPolicies" => Struct.Parser.ParseJson("""
            {"compartmentId":"c","id":"p","securityPolicyCollections":[
              {"items":[{"id":"ocid1.securityzonepolicy.oc1..a","friendlyName":"deny_public_buckets"}]},
              {"items":[{"id":"ocid1.securityzonepolicy.oc1..b","friendlyName":"deny_db_public_access"}]}]}
            """),
        _ => null,
    };
}
