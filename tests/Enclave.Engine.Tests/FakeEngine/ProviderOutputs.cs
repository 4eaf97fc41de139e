using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace Enclave.Engine.Tests.FakeEngine;

/// <summary>
/// What the providers compute on create beyond the inputs, for the outputs programs read. The values are
/// obviously fake but well-formed (OCIDs, hex strings) so program code that parses them keeps working.
/// </summary>
public static class ProviderOutputs
{
    /// <summary>The value the fake random provider generates for every RandomPassword: tests look for it in plain text.</summary>
    public const string GeneratedPassword = "Fake-Generated-Pa55word";

    public static IReadOnlyDictionary<string, Value> For(RegisterResourceRequest request) => request.Type switch
    {
        "random:index/randomPassword:RandomPassword" => new Dictionary<string, Value>
        {
            ["result"] = Value.ForString(GeneratedPassword),
            ["bcryptHash"] = Value.ForString("$2a$10$fakefakefakefakefakefu"),
        },
        "random:index/randomString:RandomString" => new Dictionary<string, Value>
        {
            ["result"] = Value.ForString(Fill("abcdefgh", Length(request, 8))),
        },
        "random:index/randomId:RandomId" => new Dictionary<string, Value>
        {
            ["hex"] = Value.ForString(Fill("0a1b2c3d", 2 * Length(request, 8, "byteLength"))),
            ["b64Url"] = Value.ForString(Fill("CxssPQ", Length(request, 8, "byteLength"))),
            ["b64Std"] = Value.ForString(Fill("CxssPQ", Length(request, 8, "byteLength"))),
            ["dec"] = Value.ForString("12345678"),
        },
        "oci:Core/vcn:Vcn" => new Dictionary<string, Value>
        {
            ["defaultSecurityListId"] = Value.ForString(Ocid("securitylist", request.Name)),
            ["defaultRouteTableId"] = Value.ForString(Ocid("routetable", request.Name)),
            ["defaultDhcpOptionsId"] = Value.ForString(Ocid("dhcpoptions", request.Name)),
        },
        _ => new Dictionary<string, Value>(),
    };

    public static string Ocid(string kind, string name) => $"ocid1.{kind}.oc1..fake{Math.Abs(StableHash(name)):x8}";

    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }
            return hash;
        }
    }

    private static int Length(RegisterResourceRequest request, int fallback, string field = "length")
        => request.Object?.Fields.TryGetValue(field, out var v) == true && v.KindCase == Value.KindOneofCase.NumberValue ? (int)v.NumberValue : fallback;

    private static string Fill(string pattern, int length)
        => string.Concat(Enumerable.Repeat(pattern, length / pattern.Length + 1))[..length];
}
