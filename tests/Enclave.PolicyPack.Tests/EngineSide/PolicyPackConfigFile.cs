using System.Text.Json;
using Enclave.PolicyPack.Protocol;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Tests.EngineSide;

/// <summary>
/// A `--policy-pack-config` file as the CLI turns it into <c>Configure</c>: each key is a policy name (or "all"); a
/// string is its enforcement level; an object holds <c>enforcementLevel</c> (the policy's own level when absent, from
/// the pack's initial config) and the policy's settings.
/// </summary>
public static class PolicyPackConfigFile
{
    public static ConfigureAnalyzerRequest Read(string path, AnalyzerInfo info)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var request = new ConfigureAnalyzerRequest();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var config = new PolicyConfig
            {
                EnforcementLevel = info.InitialConfig.TryGetValue(entry.Name, out var initial) ? initial.EnforcementLevel : EnforcementLevel.Advisory,
                Properties = new Struct(),
            };
            if (entry.Value.ValueKind == JsonValueKind.String) config.EnforcementLevel = Level(entry.Value.GetString()!);
            else
                foreach (var setting in entry.Value.EnumerateObject())
                {
                    if (setting.Name == "enforcementLevel") config.EnforcementLevel = Level(setting.Value.GetString()!);
                    else config.Properties.Fields[setting.Name] = Value.Parser.ParseJson(setting.Value.GetRawText());
                }
            request.PolicyConfig[entry.Name] = config;
        }
        return request;
    }

    private static EnforcementLevel Level(string name) => name switch
    {
        "advisory" => EnforcementLevel.Advisory,
        "mandatory" => EnforcementLevel.Mandatory,
        "disabled" => EnforcementLevel.Disabled,
        "remediate" => EnforcementLevel.Remediate,
        _ => throw new InvalidDataException($"unknown enforcement level {name}"),
    };
}
