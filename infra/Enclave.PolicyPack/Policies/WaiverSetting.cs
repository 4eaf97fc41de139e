using Enclave.Policy.Inputs;
using Enclave.Policy.Waivers;
using Enclave.PolicyPack.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Policies;

/// <summary>
/// The waiver file of `enclave check --waivers`, named in the pack's config as the <c>waivers</c> setting of the waiver
/// governance rule (<c>"ENC-GOV-900": {"waivers": "waivers.yaml"}</c>), so the pack suppresses exactly what the gate
/// suppresses, and an expired waiver blocks in both. A relative path is read from the Pulumi project's directory
/// (the first directory holding Pulumi.yaml from where the pack runs, upwards): every CLI starts the pack inside the
/// project, in its root or in the pack's own folder.
/// </summary>
internal static class WaiverSetting
{
    public const string RuleId = "ENC-GOV-900";
    public const string Key = "waivers";

    public static void AddSchema(string ruleId, PolicyConfigSchema schema)
    {
        if (ruleId != RuleId) return;
        schema.Properties.Fields[Key] = Value.ForStruct(new Struct
        {
            Fields =
            {
                ["type"] = Value.ForString("string"),
                ["description"] = Value.ForString("Waiver file of `enclave check --waivers` (relative to the Pulumi project's directory)."),
            },
        });
    }

    /// <summary>The waivers the config names for <paramref name="ruleId"/>, or null when it names none.</summary>
    public static WaiverSet? Read(string ruleId, Struct? properties)
    {
        if (ruleId != RuleId || properties is null || !properties.Fields.TryGetValue(Key, out var value)) return null;
        if (value.KindCase != Value.KindOneofCase.StringValue || value.StringValue.Length == 0)
            throw new PolicyConfigException($"policy config {RuleId}.{Key}: expected the path of a waiver file (as for `enclave check --waivers`)");
        var path = Resolve(value.StringValue);
        try
        {
            return WaiverLoader.Load(path);
        }
        catch (Exception e) when (e is WaiverFileException or InputFileException)
        {
            throw new PolicyConfigException($"policy config {RuleId}.{Key}: {e.Message}");
        }
    }

    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml"))) return Path.Combine(dir.FullName, path);
        return Path.GetFullPath(path);
    }
}
