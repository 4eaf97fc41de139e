using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Enclave.Policy.Rules;

/// <summary>
/// Every rule of the engine, discovered once from this assembly (any folder: a rule is any public non-abstract
/// <see cref="IRule"/> with a parameterless constructor), sorted by id. Duplicate ids are a build-time defect and
/// fail loudly on first use.
/// </summary>
public static class RuleCatalogue
{
    private static readonly Lazy<ImmutableArray<IRule>> Rules = new(Discover);

    public static ImmutableArray<IRule> All => Rules.Value;

    public static IRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Info.Id, id, StringComparison.OrdinalIgnoreCase));

    // Reflection over this assembly's types is sound under trimming only because every build that trims (the CLI's
    // Native AOT publish) roots this whole assembly (TrimmerRootAssembly in Enclave.Cli.csproj): no rule type or
    // constructor is removed, and the AOT CLI lists the same rules as the plain build.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Enclave.Policy is a trimmer root assembly")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Enclave.Policy is a trimmer root assembly")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Enclave.Policy is a trimmer root assembly")]
    private static ImmutableArray<IRule> Discover()
    {
        var rules = typeof(IRule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRule).IsAssignableFrom(t)
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .Select(t => (IRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Info.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var duplicate = rules.GroupBy(r => r.Info.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException(
                $"rule id {duplicate.Key} is used by {string.Join(", ", duplicate.Select(r => r.GetType().Name))}");
        return rules;
    }
}
