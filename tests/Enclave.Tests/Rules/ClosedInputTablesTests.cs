using System.Reflection;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;
using Enclave.Tests.Support;
using Pulumi;

namespace Enclave.Tests.Rules;

/// <summary>
/// ENC-GOV-090's tables held to the program and the provider: every OCI type the program creates has a closed-input
/// table (so a provider field no rule reads cannot open a door on it), every input a table lets through is one the
/// type really has in Pulumi.Oci (a misspelt entry would leave the real field closed and the table lying), and every
/// inert or pinned input says why it cannot widen access.
/// </summary>
public sealed class ClosedInputTablesTests
{
    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_OCI_type_the_program_creates_has_a_closed_input_table(string stack)
    {
        var closed = ClosedInputs.Types.ToHashSet(StringComparer.Ordinal);
        var deployed = await EnclaveRun.Of(stack);
        var open = deployed.OciResources.Select(r => r.Type).Distinct().Where(t => !closed.Contains(t)).Order().ToList();
        Assert.True(open.Count == 0, $"types the program creates without a closed-input table: {string.Join(", ", open)}");
    }

    [Fact]
    public void Every_input_a_table_lets_through_is_an_input_of_the_type()
    {
        var inputs = OfficialInputs();
        var unknown = ClosedInputs.Reasons
            .Where(r => inputs.TryGetValue(r.Type, out var keys) && !keys.Contains(r.Key))
            .Select(r => $"{r.Type}.{r.Key}").ToList();
        Assert.True(unknown.Count == 0, $"listed inputs the provider's Args do not have: {string.Join(", ", unknown)}");
        Assert.Contains("oci:Core/vcn:Vcn", inputs.Keys);  // the reflection found the provider's resources at all
    }

    [Fact]
    public void Every_inert_or_pinned_input_has_a_reason()
    {
        var bare = ClosedInputs.Reasons.Where(r => r.Reason.Trim().Length < 20).Select(r => $"{r.Type}.{r.Key}").ToList();
        Assert.True(bare.Count == 0, $"inputs listed without a reason: {string.Join(", ", bare)}");
    }

    [Fact]
    public void Inputs_judged_by_another_rule_name_a_rule_of_the_catalogue()
    {
        var ids = ClosedInputTables.Declared.SelectMany(d => d.Judged).Select(j => j.RuleId).Distinct().ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.NotNull(RuleCatalogue.Find(id)));
    }

    /// <summary>Per type token, the wire names of its Args inputs, read from the Pulumi.Oci the tests build against.</summary>
    private static Dictionary<string, HashSet<string>> OfficialInputs()
    {
        var assembly = typeof(global::Pulumi.Oci.Core.Vcn).Assembly;
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetExportedTypes())
        {
            if (!typeof(CustomResource).IsAssignableFrom(type) || type.GetCustomAttribute<ResourceTypeAttribute>(inherit: true) is not { } token) continue;
            if (assembly.GetType(type.FullName + "Args") is not { } args) continue;
            // On a property, or on the private field behind a list or map input.
            found[token.Type] = args.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .SelectMany(m => m.GetCustomAttributesData())
                .Where(a => a.AttributeType == typeof(InputAttribute))
                .Select(a => (string)a.ConstructorArguments[0].Value!)
                .ToHashSet(StringComparer.Ordinal);
        }
        return found;
    }
}
