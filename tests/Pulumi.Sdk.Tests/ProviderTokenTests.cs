using System.Reflection;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;

namespace Pulumi.Sdk.Tests;

/// <summary>
/// The type token a provider resource sends is the one its [ResourceType] attribute declares (the API listing checks
/// the attribute, not the string the constructor passes on), for every resource of the Oci and Random packages, and it
/// has the shape of the official generators' tokens. Reads through each class's public Get, so it needs no arguments.
/// </summary>
public sealed class ProviderTokenTests
{
    private static readonly Assembly[] Packages = [typeof(Pulumi.Oci.Core.Vcn).Assembly, typeof(Pulumi.Random.RandomPassword).Assembly];

    private static IEnumerable<System.Type> ResourceClasses(bool providers)
        => Packages.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsSubclassOf(typeof(CustomResource)) && t.IsSubclassOf(typeof(ProviderResource)) == providers)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static string DeclaredToken(System.Type type)
        => type.GetCustomAttribute<ResourceTypeAttribute>(inherit: false)?.Type
           ?? throw new Xunit.Sdk.XunitException($"{type.FullName} has no [ResourceType] attribute");

    [Fact]
    public async Task Every_resource_reads_with_the_token_its_attribute_declares_in_the_official_shape()
    {
        var classes = ResourceClasses(providers: false).ToList();
        Assert.True(classes.Count > 50, $"only {classes.Count} resource classes found");
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            foreach (var type in classes)
            {
                var get = type.GetMethod("Get", BindingFlags.Public | BindingFlags.Static)
                    ?? throw new Xunit.Sdk.XunitException($"{type.FullName} has no static Get");
                get.Invoke(null, [type.FullName!, (Input<string>)$"ocid1.{type.Name.ToLowerInvariant()}", null, null]);
            }
        });

        foreach (var type in classes)
        {
            var token = DeclaredToken(type);
            var read = Assert.Single(mocks.Resources, r => r.Name == type.FullName);
            Assert.Equal(token, read.Type);
            Assert.Equal($"ocid1.{type.Name.ToLowerInvariant()}", read.Id);

            // <package>:<Module>/<camelName>:<Name>, as the official generators name them.
            var package = type.Namespace!.Split('.')[1].ToLowerInvariant();
            Assert.StartsWith($"{package}:", token, StringComparison.Ordinal);
            Assert.EndsWith($"/{char.ToLowerInvariant(type.Name[0])}{type.Name[1..]}:{type.Name}", token, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_provider_registers_with_the_token_its_attribute_declares()
    {
        var classes = ResourceClasses(providers: true).ToList();
        Assert.Equal(2, classes.Count);
        var registered = await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions { IsPreview = false }, () =>
        {
            foreach (var type in classes)
            {
                Activator.CreateInstance(type, type.FullName!, null, null);
            }
        });

        foreach (var type in classes)
        {
            var provider = Assert.Single(registered, r => r.GetType() == type);
            Assert.Equal(DeclaredToken(type), provider.GetResourceType());
            Assert.Equal($"pulumi:providers:{type.Namespace!.Split('.')[1].ToLowerInvariant()}", provider.GetResourceType());
        }
    }
}
