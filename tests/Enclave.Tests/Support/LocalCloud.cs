using System.Collections.Immutable;
using Pulumi.Testing;

namespace Enclave.Tests.Support;

/// <summary>
/// Temporary stand-in for the offline runner's FakeCloud until it is merged: answers the invokes the program makes
/// (GetServices, GetNamespace, GetSecurityPolicies, GetRegionSubscriptions) realistically for the stack's regions,
/// and gives resources deterministic ids plus the computed outputs the program reads.
/// </summary>
public sealed class LocalCloud(string tenancyOcid, string homeRegion, IReadOnlyList<string> subscribedRegions, string deploymentRegion)
{
    public const string FakeAdminPasswordPrefix = "Fake#Admin_Passw0rd-";

    private static readonly Dictionary<string, string> RegionKeys = new()
    {
        ["us-ashburn-1"] = "IAD", ["us-phoenix-1"] = "PHX", ["us-sanjose-1"] = "SJC", ["us-chicago-1"] = "ORD",
        ["eu-frankfurt-1"] = "FRA",
    };

    private readonly Dictionary<string, string> _providerRegions = new();

    public IReadOnlyList<string> SubscribedRegions { get; } = subscribedRegions;

    public (string Id, ImmutableDictionary<string, object> State) NewResource(MockResourceArgs args)
    {
        var type = args.Type ?? "";
        var name = args.Name ?? "";
        var inputs = args.Inputs ?? ImmutableDictionary<string, object>.Empty;
        if (type == "pulumi:providers:oci")
        {
            var providerId = $"{name}-provider-id";
            _providerRegions[providerId] = inputs.TryGetValue("region", out var r) ? (string)r : deploymentRegion;
            return (providerId, inputs);
        }
        var kind = type.Split(':').Last().ToLowerInvariant();
        var id = $"ocid1.{kind}.oc1..fake{name.Replace("-", "")}";
        var state = inputs;
        switch (type)
        {
            case "oci:Core/vcn:Vcn":
                state = state.SetItem("defaultSecurityListId", $"ocid1.securitylist.oc1..default{name.Replace("-", "")}")
                    .SetItem("defaultRouteTableId", $"ocid1.routetable.oc1..default{name.Replace("-", "")}");
                break;
            case "oci:Kms/vault:Vault":
                state = state.SetItem("managementEndpoint", $"https://{name}-management.kms.example");
                break;
            case "random:index/randomPassword:RandomPassword":
                state = state.SetItem("result", FakeAdminPasswordPrefix + name);
                break;
            case "oci:Database/autonomousDatabase:AutonomousDatabase":
                state = state.SetItem("privateEndpoint", $"{inputs.GetValueOrDefault("privateEndpointLabel")}.adb.example");
                break;
        }
        return (id, state);
    }

    public object Call(MockCallArgs args)
    {
        var region = RegionOfProvider(args.Provider);
        return args.Token switch
        {
            "oci:Core/getServices:getServices" => Services(region),
            "oci:ObjectStorage/getNamespace:getNamespace" => new Dictionary<string, object>
            {
                ["id"] = "fakenamespace", ["namespace"] = "fakenamespace",
            },
            "oci:CloudGuard/getSecurityPolicies:getSecurityPolicies" => SecurityPolicies(),
            "oci:Identity/getRegionSubscriptions:getRegionSubscriptions" => new Dictionary<string, object>
            {
                ["id"] = "subscriptions",
                ["tenancyId"] = tenancyOcid,
                ["regionSubscriptions"] = SubscribedRegions.Select(r => (object)new Dictionary<string, object>
                {
                    ["regionName"] = r, ["regionKey"] = RegionKeys.GetValueOrDefault(r, "XXX"),
                    ["isHomeRegion"] = r == homeRegion, ["state"] = "READY", ["tenancyId"] = tenancyOcid,
                }).ToList(),
            },
            _ => throw new NotSupportedException($"LocalCloud has no answer for {args.Token}"),
        };
    }

    private string RegionOfProvider(string? provider)
    {
        if (string.IsNullOrEmpty(provider)) return deploymentRegion;
        var id = provider[(provider.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
        return _providerRegions.GetValueOrDefault(id, deploymentRegion);
    }

    private static Dictionary<string, object> Services(string region)
    {
        var key = RegionKeys.GetValueOrDefault(region, "XXX");
        var lower = key.ToLowerInvariant();
        return new Dictionary<string, object>
        {
            ["id"] = $"services-{region}",
            ["services"] = new List<object>
            {
                Service($"ocid1.service.oc1.{lower}.all", $"All {key} Services In Oracle Services Network",
                    $"all-{lower}-services-in-oracle-services-network"),
                Service($"ocid1.service.oc1.{lower}.objectstorage", $"OCI {key} Object Storage", $"oci-{lower}-objectstorage"),
            },
        };

        static Dictionary<string, object> Service(string id, string name, string cidr) => new()
        {
            ["id"] = id, ["name"] = name, ["cidrBlock"] = cidr, ["description"] = name,
        };
    }

    public static string SecurityPolicyId(string friendlyName) => $"ocid1.securityzonessecuritypolicy.oc1..{friendlyName.Replace(' ', '-')}";

    private static Dictionary<string, object> SecurityPolicies()
    {
        string[] extra = ["deny block_volume_not_in_security_zone_attach_to_instance_in_security_zone", "deny instance_without_sanctioned_image"];
        var names = Components.Tenancy.SecurityZonePolicies.Required.Concat(extra);
        return new Dictionary<string, object>
        {
            ["id"] = "policies",
            ["securityPolicyCollections"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["items"] = names.Select(n => (object)new Dictionary<string, object>
                    {
                        ["id"] = SecurityPolicyId(n), ["friendlyName"] = n, ["displayName"] = n,
                        ["category"] = "RESTRICT_ACCESS", ["owner"] = "ORACLE",
                    }).ToList(),
                },
            },
        };
    }
}
