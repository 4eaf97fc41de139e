using System.Collections.Immutable;
using Enclave.Policy;
using Enclave.Policy.Rules;
using Enclave.Policy.Waivers;
using Enclave.PolicyPack.Protocol;

namespace Enclave.PolicyPack.Policies;

/// <summary>A <c>Configure</c> request the pack refuses; its one-line message becomes gRPC <c>InvalidArgument</c>.</summary>
internal sealed class PolicyConfigException(string message) : Exception(message)
{
    /// <summary>A name from the request, cut short for a message (config files are repository content).</summary>
    public static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";
}

/// <summary>
/// The enforcement level and settings of every rule, from the catalogue and <c>--policy-pack-config</c>
/// (<c>Configure</c>). Raising an advisory rule to mandatory, or disabling one, is the config's to decide; lowering or
/// disabling a mandatory rule is refused, as is <c>remediate</c> (the pack never rewrites resources): the isolation
/// gate is not switched off by a file in the repository. Its only relief is `enclave check`'s expiring waivers.
/// </summary>
internal sealed class PolicyConfiguration
{
    public static readonly PolicyConfiguration Catalogue = new(
        ImmutableDictionary<string, EnforcementLevel>.Empty, ImmutableDictionary<string, IReadOnlyList<(string, int)>>.Empty, WaiverSet.Empty);

    private readonly ImmutableDictionary<string, EnforcementLevel> _levels;
    private readonly ImmutableDictionary<string, IReadOnlyList<(string Key, int Value)>> _settings;

    private PolicyConfiguration(ImmutableDictionary<string, EnforcementLevel> levels,
        ImmutableDictionary<string, IReadOnlyList<(string Key, int Value)>> settings, WaiverSet waivers)
    {
        _levels = levels;
        _settings = settings;
        Waivers = waivers;
        Rules = [.. RuleCatalogue.All.Where(r => LevelOf(r.Info.Id) != EnforcementLevel.Disabled).Select(Configured)];
        ResourceRules = [.. Rules.Where(r => r.Info.Scope == RuleScope.Resource)];
    }

    /// <summary>The rules to run, each with its level in force (a rule raised to mandatory blocks as one).</summary>
    public ImmutableArray<IRule> Rules { get; }

    /// <summary>The rules of <see cref="Rules"/> that judge a resource alone (run as each resource is registered).</summary>
    public ImmutableArray<IRule> ResourceRules { get; }

    /// <summary>The waivers of <see cref="WaiverSetting"/> (none unless the config names a waiver file).</summary>
    public WaiverSet Waivers { get; }

    public EnforcementLevel LevelOf(string ruleId) =>
        _levels.TryGetValue(ruleId, out var level) ? level
        : RuleCatalogue.Find(ruleId)?.Info.Enforcement == Enforcement.Advisory ? EnforcementLevel.Advisory : EnforcementLevel.Mandatory;

    /// <summary>The stack's policy context with this configuration's (stricter) settings.</summary>
    public PolicyContext Apply(PolicyContext policy) => RuleSettings.Apply(policy, _settings);

    /// <summary>Reads a <c>Configure</c> request; throws <see cref="PolicyConfigException"/> on the first entry it refuses.</summary>
    public static PolicyConfiguration From(ConfigureAnalyzerRequest request)
    {
        var levels = ImmutableDictionary.CreateBuilder<string, EnforcementLevel>(StringComparer.Ordinal);
        var settings = ImmutableDictionary.CreateBuilder<string, IReadOnlyList<(string, int)>>(StringComparer.Ordinal);
        var waivers = WaiverSet.Empty;
        // "all" first: an entry for one policy overrides it, as in every CrossGuard config.
        foreach (var (name, config) in request.PolicyConfig.OrderBy(p => p.Key != "all").ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var rules = name == "all" ? RuleCatalogue.All : RuleCatalogue.All.Where(r => r.Info.Id == name).ToImmutableArray();
            if (rules.IsEmpty)
                throw new PolicyConfigException($"policy config names \"{PolicyConfigException.Clip(name)}\", which is not a policy of {PackPolicies.Name}; " +
                                                "policies are the rule ids of docs/rules.md (e.g. ENC-NET-002), or \"all\"");
            foreach (var rule in rules)
            {
                levels[rule.Info.Id] = Level(rule.Info, config?.EnforcementLevel ?? EnforcementLevel.Advisory);
                if (name == "all") continue;
                settings[rule.Info.Id] = RuleSettings.Read(rule.Info.Id, config?.Properties).ToList();
                waivers = WaiverSetting.Read(rule.Info.Id, config?.Properties) ?? waivers;
            }
        }
        return new PolicyConfiguration(levels.ToImmutable(), settings.ToImmutable(), waivers);
    }

    private static EnforcementLevel Level(RuleInfo rule, EnforcementLevel requested)
    {
        if (!System.Enum.IsDefined(requested))
            throw new PolicyConfigException($"policy config {rule.Id}: enforcement level {(int)requested} is not one of advisory, mandatory, disabled");
        if (requested == EnforcementLevel.Remediate)
            throw new PolicyConfigException($"policy config {rule.Id}: remediate is not supported (this pack reports, it never rewrites resources); use mandatory or advisory");
        if (rule.Enforcement == Enforcement.Mandatory && requested != EnforcementLevel.Mandatory)
            throw new PolicyConfigException(
                $"policy config {rule.Id}: {Name(requested)} would relax a mandatory isolation rule; mandatory rules cannot be lowered or " +
                "disabled by config (use an expiring waiver with `enclave check --waivers` instead)");
        return requested;
    }

    private static string Name(EnforcementLevel level) => level.ToString().ToLowerInvariant();

    private IRule Configured(IRule rule)
    {
        var level = LevelOf(rule.Info.Id);
        var enforcement = level == EnforcementLevel.Mandatory ? Enforcement.Mandatory : Enforcement.Advisory;
        return enforcement == rule.Info.Enforcement ? rule : new ConfiguredRule(rule, rule.Info with { Enforcement = enforcement });
    }

    /// <summary>A catalogue rule under another enforcement level: same id, same findings.</summary>
    private sealed class ConfiguredRule(IRule rule, RuleInfo info) : IRule
    {
        public RuleInfo Info => info;

        public IEnumerable<Finding> Evaluate(RuleContext context) => rule.Evaluate(context);

        // The rule's own fast path, if it has one (the sink takes this rule's id, which is the catalogue rule's).
        public void Evaluate(RuleContext context, FindingSink sink) => rule.Evaluate(context, sink);
    }
}
