using System.Globalization;
using Enclave.Policy;
using Enclave.PolicyPack.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace Enclave.PolicyPack.Policies;

/// <summary>
/// The settings a rule takes from <c>--policy-pack-config</c>. Each may only make its rule stricter than the enclave's
/// own limit (the <see cref="PolicyContext"/> default): a config file is part of the repository a pull request can
/// change, so it must not be able to loosen the gate.
/// </summary>
internal static class RuleSettings
{
    private sealed record Setting(string RuleId, string Key, string Description, int Limit, int Floor,
        Func<PolicyContext, int, PolicyContext> Apply);

    private static readonly PolicyContext Baseline = new();

    private static readonly Setting[] All =
    [
        new("ENC-KMS-001", "maxRotationDays", "Longest key rotation interval in days; lower is stricter.",
            Baseline.MaxKeyRotationDays, 1, (p, v) => p with { MaxKeyRotationDays = v }),
        // OCI Bastion sessions last at least 30 minutes.
        new("ENC-NET-009", "maxSessionSeconds", "Longest Bastion session in seconds; lower is stricter.",
            Baseline.MaxBastionSessionSeconds, 1800, (p, v) => p with { MaxBastionSessionSeconds = v }),
    ];

    public static PolicyConfigSchema Schema(string ruleId)
    {
        var schema = new PolicyConfigSchema { Properties = new Struct() };
        foreach (var s in All.Where(s => s.RuleId == ruleId))
            schema.Properties.Fields[s.Key] = Value.ForStruct(new Struct
            {
                Fields =
                {
                    ["type"] = Value.ForString("integer"),
                    ["minimum"] = Value.ForNumber(s.Floor),
                    ["maximum"] = Value.ForNumber(s.Limit),
                    ["default"] = Value.ForNumber(s.Limit),
                    ["description"] = Value.ForString(s.Description),
                },
            });
        WaiverSetting.AddSchema(ruleId, schema);
        return schema;
    }

    public static Struct Defaults(string ruleId)
    {
        var values = new Struct();
        foreach (var s in All.Where(s => s.RuleId == ruleId)) values.Fields[s.Key] = Value.ForNumber(s.Limit);
        return values;
    }

    /// <summary>The settings of <paramref name="ruleId"/> in <paramref name="properties"/>, checked (one line naming the key when not).</summary>
    public static IEnumerable<(string Key, int Value)> Read(string ruleId, Struct? properties)
    {
        if (properties is null) yield break;
        foreach (var (key, value) in properties.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // The engine repeats the level among the properties (it injects it into every policy's schema); the
            // waiver file is read by WaiverSetting.
            if (key == "enforcementLevel" || (ruleId == WaiverSetting.RuleId && key == WaiverSetting.Key)) continue;
            var setting = All.FirstOrDefault(s => s.RuleId == ruleId && s.Key == key);
            if (setting is null)
            {
                var known = All.Where(s => s.RuleId == ruleId).Select(s => s.Key).ToList();
                throw new PolicyConfigException(
                    $"policy config {ruleId}: unknown setting \"{PolicyConfigException.Clip(key)}\"; " +
                    (known.Count == 0 ? "this policy takes none (only enforcementLevel)" : $"it takes {string.Join(", ", known)}"));
            }
            var where = $"policy config {ruleId}.{key}";
            if (value.KindCase != Value.KindOneofCase.NumberValue || value.NumberValue != Math.Floor(value.NumberValue) || !double.IsFinite(value.NumberValue))
                throw new PolicyConfigException($"{where}: expected a whole number from {setting.Floor} to {setting.Limit}");
            var number = value.NumberValue;
            if (number > setting.Limit)
                throw new PolicyConfigException($"{where}: {Text(number)} would loosen the rule; only values up to {setting.Limit} (stricter) are allowed");
            if (number < setting.Floor)
                throw new PolicyConfigException($"{where}: {Text(number)} is below {setting.Floor}, the least OCI accepts");
            yield return (key, (int)number);
        }
    }

    /// <summary>The policy context with every configured setting applied.</summary>
    public static PolicyContext Apply(PolicyContext policy, IReadOnlyDictionary<string, IReadOnlyList<(string Key, int Value)>> settings)
    {
        foreach (var (ruleId, values) in settings)
            foreach (var (key, value) in values)
                if (All.FirstOrDefault(s => s.RuleId == ruleId && s.Key == key) is { } setting)
                    policy = setting.Apply(policy, value);
        return policy;
    }

    private static string Text(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
