using Pulumi.Sdk.Tests.Fakes;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;

namespace Pulumi.Sdk.Tests;

/// <summary>Resource options: Merge semantics and lazily created lists.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Custom_options_merge_scalars_from_the_second_and_concatenate_lists()
    {
        var first = new CustomResourceOptions { Version = "1.0.0", Protect = true, ImportId = "a", IgnoreChanges = { "x" } };
        first.AdditionalSecretOutputs.Add("result");
        var second = new CustomResourceOptions { Version = "2.0.0", IgnoreChanges = { "y" }, DeleteBeforeReplace = true };
        second.AdditionalSecretOutputs.Add("bcryptHash");

        var merged = CustomResourceOptions.Merge(first, second);

        Assert.Equal("2.0.0", merged.Version);
        Assert.True(merged.Protect);
        Assert.Equal("a", merged.ImportId);
        Assert.True(merged.DeleteBeforeReplace);
        Assert.Equal(new[] { "x", "y" }, merged.IgnoreChanges);
        Assert.Equal(new[] { "result", "bcryptHash" }, merged.AdditionalSecretOutputs);
        // The inputs are not modified.
        Assert.Equal(new[] { "x" }, first.IgnoreChanges);
        Assert.Equal("1.0.0", first.Version);
    }

    [Fact]
    public void Merge_accepts_nulls()
    {
        var merged = CustomResourceOptions.Merge(null, new CustomResourceOptions { Version = "3" });
        Assert.Equal("3", merged.Version);
        Assert.NotNull(CustomResourceOptions.Merge(null, null));
        Assert.Empty(ComponentResourceOptions.Merge(null, null).Providers);
    }

    [Fact]
    public void List_options_are_never_null()
    {
        var options = new CustomResourceOptions();
        Assert.NotNull(options.IgnoreChanges);
        Assert.NotNull(options.AdditionalSecretOutputs);
        Assert.NotNull(options.DependsOn);
        Assert.NotNull(options.Aliases);
        Assert.NotNull(options.ReplaceOnChanges);
        Assert.NotNull(new ComponentResourceOptions().Providers);
    }

    [Fact]
    public async Task Component_options_merge_providers_by_package_with_the_second_winning()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            var first = new FakeProvider("first");
            var second = new FakeProvider("second");
            var merged = ComponentResourceOptions.Merge(
                new ComponentResourceOptions { Providers = { first } },
                new ComponentResourceOptions { Providers = { second } });
            Assert.Equal(new ProviderResource[] { second }, merged.Providers);
            _ = new FakeNetwork("net", merged);
        });

        Assert.EndsWith("::second::second_id", mocks.Single(FakeTokens.Vcn, "net-vcn").Provider);
    }

    [Fact]
    public async Task Component_options_merge_keeps_provider_apart_and_providers_in_the_official_order()
    {
        await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions { IsPreview = false }, () =>
        {
            var a1 = new ProviderResource("pkga", "a1", ResourceArgs.Empty, new CustomResourceOptions());
            var b1 = new ProviderResource("pkgb", "b1", ResourceArgs.Empty, new CustomResourceOptions());
            var a2 = new ProviderResource("pkga", "a2", ResourceArgs.Empty, new CustomResourceOptions());
            var c2 = new ProviderResource("pkgc", "c2", ResourceArgs.Empty, new CustomResourceOptions());

            // One provider per package, the second's winning, in the official SDK's order.
            var merged = ComponentResourceOptions.Merge(
                new ComponentResourceOptions { Providers = { a1, b1 } },
                new ComponentResourceOptions { Providers = { a2, c2 } });
            Assert.Equal(new[] { b1, a2, c2 }, merged.Providers);
            Assert.Null(merged.Provider);

            // Provider is a scalar like any other: the second's wins, and it is not folded into Providers.
            var single = ComponentResourceOptions.Merge(new ComponentResourceOptions { Provider = a1 }, new ComponentResourceOptions { Provider = c2 });
            Assert.Same(c2, single.Provider);
            Assert.Empty(single.Providers);
            var mixed = ComponentResourceOptions.Merge(new ComponentResourceOptions { Provider = a1 }, new ComponentResourceOptions { Providers = { b1 } });
            Assert.Same(a1, mixed.Provider);
            Assert.Equal(new[] { b1 }, mixed.Providers);
        });
    }

    [Fact]
    public async Task Explicit_options_passed_to_a_generated_style_constructor_survive_its_merge()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks.Object, new TestOptions { IsPreview = false }, () =>
        {
            _ = new FakeVcn("imported", new FakeVcnArgs { CompartmentId = "c" }, new CustomResourceOptions { ImportId = "ocid1.vcn.existing" });
        });

        Assert.Equal("ocid1.vcn.existing", mocks.Single(FakeTokens.Vcn, "imported").Id);
    }
}
