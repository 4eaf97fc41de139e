using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Pulumi.Serialization;

namespace Pulumi.Sdk.Tests.SubsetOnly;

/// <summary>
/// Subset only (not compiled under -p:UseOfficialPulumiSdk=true): the subset's Native AOT support. A Native AOT build
/// has code only for the generic instantiations that source names; the provider packages' generated OutputShapes
/// registration must therefore name every output value type their resources and output types use, or a program that
/// uses the missing one fails at run time in its AOT build only (docs/deploy.md, "Native AOT").
/// </summary>
public sealed class SubsetOnlyNativeAotShapeTests
{
    public static TheoryData<string> ProviderAssemblies => new() { "Pulumi.Oci", "Pulumi.Random" };

    [Theory]
    [MemberData(nameof(ProviderAssemblies))]
    public void Every_resource_output_type_of_a_provider_package_is_registered_for_native_aot(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        // The module initializer registers only under Native AOT; here (JIT) the registration is run by hand.
        assembly.GetType($"{assemblyName}.OutputShapes", throwOnError: true)!
            .GetMethod("Register", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null);

        var outputs = assembly.GetTypes()
            .Where(t => typeof(Resource).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.GetCustomAttribute<OutputAttribute>() is not null)
            .ToList();
        var missing = outputs
            .SelectMany(p => OutputShapes.Unregistered(p.PropertyType.GenericTypeArguments[0]).Select(m => $"{p.DeclaringType!.Name}.{p.Name}: {m}"))
            .Distinct()
            .ToList();

        Assert.True(outputs.Count > 10, $"{assemblyName}: only {outputs.Count} resource outputs found");
        Assert.True(missing.Count == 0, $"{assemblyName} does not register (re-run sdk/tools/regen-providers.sh):\n{string.Join("\n", missing)}");
    }

    [Fact]
    public async Task A_default_immutable_array_input_is_sent_as_an_empty_list_and_a_filled_one_as_its_items()
    {
        // The serializer recognises a default ImmutableArray of any element type without reflection (IStructuralEquatable).
        Assert.Empty(await SerializeListAsync(default(ImmutableArray<int>)));
        Assert.Empty(await SerializeListAsync(default(ImmutableArray<string>)));
        Assert.Equal(new object?[] { "a", "b" }, await SerializeListAsync(ImmutableArray.Create("a", "b")));
        Assert.Equal(new object?[] { 1.5 }, await SerializeListAsync(ImmutableArray.Create(1.5)));
    }

    private static async Task<object?[]> SerializeListAsync(object value)
    {
        var serialized = await new Serializer().SerializeAsync("ctx", value, keepResources: false);
        return Assert.IsAssignableFrom<IList>(serialized).Cast<object?>().ToArray();
    }
}
