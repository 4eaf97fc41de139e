using System.Reflection;
using Enclave.Policy.Graph;
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
            .Where(r => inputs.TryGetValue(r.Type, out var keys) && !keys.Contains(InputShape.TopOf(r.Key)))
            .Select(r => $"{r.Type}.{r.Key}").ToList();
        Assert.True(unknown.Count == 0, $"listed inputs the provider's Args do not have: {string.Join(", ", unknown)}");
        Assert.Contains("oci:Core/vcn:Vcn", inputs.Keys);  // the reflection found the provider's resources at all
    }

    [Fact]
    public void Every_nested_field_a_table_declares_is_a_field_of_the_input()
    {
        var unknown = new List<string>();
        var resolved = 0;
        foreach (var table in ClosedInputs.Tables)
        {
            if (ArgsOf(table.Type) is not { } args) continue;
            foreach (var (key, shape) in table.Shapes)
                Walk(ObjectOf(args, key), shape, $"{table.Type}.{key}", (path, ok) => { if (ok) resolved++; else unknown.Add(path); });
        }
        Assert.True(unknown.Count == 0, $"nested fields the provider's Args do not have: {string.Join(", ", unknown)}");
        Assert.True(resolved > 50, $"only {resolved} nested fields were found on the provider's Args types");
    }

    [Fact]
    public void Every_object_input_a_table_accepts_is_closed_field_by_field()
    {
        var open = new List<string>();
        foreach (var table in ClosedInputs.Tables)
        {
            if (ArgsOf(table.Type) is not { } args) continue;
            foreach (var key in table.Accepted)
                if (ObjectOf(args, key) is { } nested && !Closed(table.Shapes.GetValueOrDefault(key), nested, $"{table.Type}.{key}", open))
                    open.Add($"{table.Type}.{key}");
        }
        Assert.True(open.Count == 0, $"object inputs accepted without their fields declared (or AnyField/Whole with a reason): {string.Join(", ", open)}");
    }

    [Fact]
    public void An_object_input_set_with_an_undeclared_field_is_refused_and_one_computed_whole_is_undetermined()
    {
        var table = ClosedInputs.Tables.Single(t => t.Type == "oci:Logging/log:Log");
        var judged = new Assessment().Require(Truth.True, "baseline");
        var source = PropertyValue.Map(("service", PropertyValue.Of("objectstorage")),
            ("parameters", PropertyValue.Map(("forward", PropertyValue.Of("parent-siem")))));
        InputShape.Judge(judged, "configuration", PropertyValue.Map(("source", source)), table.Shapes["configuration"]);
        Assert.Equal(Truth.False, judged.Outcome);
        var computed = new Assessment().Require(Truth.True, "baseline");
        InputShape.Judge(computed, "configuration", PropertyValue.Unknown, table.Shapes["configuration"]);
        Assert.Equal(Truth.Unknown, computed.Outcome);
    }

    /// <summary>Whether every object field below <paramref name="shape"/> is declared field by field, accepted whole or pinned.</summary>
    private static bool Closed(InputShape? shape, Type args, string path, List<string> open)
    {
        if (shape is null || (shape.Children.Count == 0 && !shape.AnyField && shape.Pin is null)) return false;
        if (shape.AnyField || shape.Pin is not null) return true;
        foreach (var (field, child) in shape.Children)
            if (ObjectOf(args, field) is { } nested && !Closed(child, nested, $"{path}.{field}", open))
                open.Add($"{path}.{field}");
        return true;
    }

    private static void Walk(Type? args, InputShape shape, string path, Action<string, bool> found)
    {
        if (args is null) return;  // a scalar input (or one our subset does not model): nothing below it to check
        foreach (var (field, child) in shape.Children)
        {
            var member = MemberOf(args, field);
            found($"{path}.{field}", member is not null);
            if (member is not null) Walk(ArgsIn(member), child, $"{path}.{field}", found);
        }
    }

    private static Type? ArgsOf(string token)
    {
        var assembly = typeof(global::Pulumi.Oci.Core.Vcn).Assembly;
        var resource = assembly.GetExportedTypes().FirstOrDefault(t => typeof(CustomResource).IsAssignableFrom(t)
            && t.GetCustomAttribute<ResourceTypeAttribute>(inherit: true)?.Type == token);
        return resource is null ? null : assembly.GetType(resource.FullName + "Args");
    }

    private static Type? ObjectOf(Type args, string field) => MemberOf(args, field) is { } m ? ArgsIn(m) : null;

    /// <summary>The property, or the private field behind a list or map input, that carries wire name <paramref name="field"/>.</summary>
    private static MemberInfo? MemberOf(Type args, string field) =>
        args.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).FirstOrDefault(m =>
            m.GetCustomAttributesData().Any(a => a.AttributeType == typeof(InputAttribute) && (string?)a.ConstructorArguments[0].Value == field));

    /// <summary>The Args type an input holds (through Input, InputList), or null for a scalar, list of scalars or map.</summary>
    private static Type? ArgsIn(MemberInfo member)
    {
        var type = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
        while (true)
        {
            if (typeof(ResourceArgs).IsAssignableFrom(type)) return type;
            if (!type.IsGenericType || type.GetGenericTypeDefinition().Name.StartsWith("InputMap", StringComparison.Ordinal)) return null;
            type = type.GetGenericArguments()[0];
        }
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
