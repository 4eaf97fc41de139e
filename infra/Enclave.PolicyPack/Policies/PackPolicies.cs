using System.Reflection;
using Enclave.Policy.Rules;
using Enclave.PolicyPack.Protocol;

namespace Enclave.PolicyPack.Policies;

/// <summary>
/// The pack as the engine sees it (<c>GetAnalyzerInfo</c>): one policy per rule of <see cref="RuleCatalogue"/>, named
/// by the rule id, with its title, rationale, remediation, severity, scope and CIS OCI Foundations Benchmark v3.0
/// mapping, at the enforcement level in force (the catalogue's, or a stricter one from the pack's config).
/// </summary>
internal static class PackPolicies
{
    public const string Name = "enclave-isolation";
    public const string DisplayName = "US data enclave isolation rules";
    public const string CisName = "CIS Oracle Cloud Infrastructure Foundations Benchmark";
    public const string CisVersion = "3.0";

    /// <summary>The pack's version (the assembly's; PulumiPolicy.yaml carries the same, which a test checks).</summary>
    public static readonly string Version =
        typeof(PackPolicies).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static AnalyzerInfo Info(PolicyConfiguration configuration)
    {
        var info = new AnalyzerInfo
        {
            Name = Name,
            DisplayName = DisplayName,
            Version = Version,
            SupportsConfig = true,
            Description = "The isolation rules of `enclave check`: a parent company's identities and networks never reach the US data, " +
                          "which stays in US regions behind the gatekeepers' firewall, audited by US oversight.",
            Provider = "oci",
        };
        info.Tags.Add("oci");
        info.Tags.Add("isolation");
        foreach (var rule in RuleCatalogue.All)
        {
            var level = configuration.LevelOf(rule.Info.Id);
            info.Policies.Add(Policy(rule.Info, level));
            info.InitialConfig[rule.Info.Id] = new PolicyConfig { EnforcementLevel = level, Properties = RuleSettings.Defaults(rule.Info.Id) };
        }
        return info;
    }

    private static PolicyInfo Policy(RuleInfo rule, EnforcementLevel level)
    {
        var policy = new PolicyInfo
        {
            Name = rule.Id,
            DisplayName = rule.Title,
            Description = rule.Title,
            Message = rule.Rationale,
            EnforcementLevel = level,
            ConfigSchema = RuleSettings.Schema(rule.Id),
            PolicyType = rule.Scope == RuleScope.Resource ? PolicyType.Resource : PolicyType.Stack,
            Severity = SeverityOf(rule.Severity),
            RemediationSteps = rule.Remediation,
        };
        if (rule.Cis is { } cis)
            policy.Framework = new PolicyComplianceFramework { Name = CisName, Version = CisVersion, Reference = cis };
        policy.Tags.Add(Area(rule.Id));
        return policy;
    }

    public static PolicySeverity SeverityOf(Severity severity) => severity switch
    {
        Severity.Low => PolicySeverity.Low,
        Severity.Medium => PolicySeverity.Medium,
        Severity.High => PolicySeverity.High,
        _ => PolicySeverity.Critical,
    };

    /// <summary>The rule's area from its id (<c>ENC-NET-002</c> → <c>net</c>), a tag to group policies by.</summary>
    private static string Area(string id) => id.Split('-') is [_, var area, ..] ? area.ToLowerInvariant() : "other";
}
