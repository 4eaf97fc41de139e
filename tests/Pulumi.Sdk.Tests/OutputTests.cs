using System.Collections.Immutable;
using System.Globalization;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Pulumi.Sdk.Tests;

/// <summary>Output semantics: Apply over known/unknown/secret values, combinators, formatting.</summary>
public sealed class OutputTests
{
    private static Task<T> ValueOf<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);

    private static Task<bool> IsKnown<T>(Output<T> output) => OutputUtilities.GetIsKnownAsync(output);

    [Fact]
    public async Task Apply_transforms_a_known_value()
    {
        var output = Output.Create(20).Apply(v => v + 1).Apply(v => $"n={v}");
        Assert.Equal("n=21", await ValueOf(output));
        Assert.True(await IsKnown(output));
        Assert.False(await Output.IsSecretAsync(output));
    }

    [Fact]
    public async Task Apply_skips_an_unknown_value_in_a_preview_and_stays_unknown()
    {
        // Official Output.cs reads Deployment.Instance.IsDryRun here, so this runs inside a deployment.
        var calls = 0;
        Output<int>? output = null;
        await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(), () =>
        {
            output = OutputUtilities.CreateUnknown("kept").Apply(v => { calls++; return v.Length; });
        });
        Assert.False(await IsKnown(output!));
        Assert.Equal(0, await ValueOf(output!));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Apply_keeps_secrets_secret_and_Unsecret_removes_the_flag()
    {
        var secret = Output.CreateSecret("hunter2");
        var derived = secret.Apply(v => v.ToUpperInvariant());
        Assert.True(await Output.IsSecretAsync(derived));
        Assert.Equal("HUNTER2", await ValueOf(derived));

        var plain = Output.Unsecret(derived);
        Assert.False(await Output.IsSecretAsync(plain));
        Assert.Equal("HUNTER2", await ValueOf(plain));
    }

    [Fact]
    public async Task Apply_returning_an_output_flattens_and_combines_secrecy()
    {
        Output<string> flattened = Output.Create("a").Apply(v => Output.CreateSecret(v + "b"));
        Assert.Equal("ab", await ValueOf(flattened));
        Assert.True(await Output.IsSecretAsync(flattened));

        Output<string> fromInput = Output.Create("x").Apply(v => (Input<string>)(v + "y"));
        Assert.Equal("xy", await ValueOf(fromInput));

        Output<string> innerUnknown = Output.Create("x").Apply(_ => OutputUtilities.CreateUnknown(""));
        Assert.False(await IsKnown(innerUnknown));
    }

    [Fact]
    public async Task Apply_accepts_async_callbacks()
    {
        var output = Output.Create(2).Apply(async v =>
        {
            await Task.Yield();
            return v * 10;
        });
        Assert.Equal(20, await ValueOf(output));

        var ran = false;
        Output<ValueTuple> effect = Output.Create("go").Apply(async (string _) =>
        {
            await Task.Yield();
            ran = true;
        });
        await ValueOf(effect);
        Assert.True(ran);
    }

    [Fact]
    public async Task Create_from_a_task_and_CreateSecret_variants()
    {
        Assert.Equal(5, await ValueOf(Output.Create(Task.FromResult(5))));
        Assert.Equal(6, await ValueOf(Output<int>.Create(Task.FromResult(6))));
        var fromTask = Output.CreateSecret(Task.FromResult("t"));
        Assert.True(await Output.IsSecretAsync(fromTask));
        var wrapped = Output.CreateSecret(Output.Create(1));
        Assert.True(await Output.IsSecretAsync(wrapped));
        Assert.Equal(1, await ValueOf(wrapped));
    }

    [Fact]
    public async Task All_combines_values_knownness_and_secrecy()
    {
        var all = Output.All(Output.Create(1), Output.CreateSecret(2), Output.Create(3));
        Assert.Equal(new[] { 1, 2, 3 }, await ValueOf(all));
        Assert.True(await Output.IsSecretAsync(all));
        Assert.True(await IsKnown(all));

        var withUnknown = Output.All(new List<Output<int>> { Output.Create(1), OutputUtilities.CreateUnknown(0) });
        Assert.False(await IsKnown(withUnknown));

        var fromInputs = Output.All<string>("a", Output.Create("b"));
        Assert.Equal(new[] { "a", "b" }, await ValueOf(fromInputs));
        Assert.Empty(await ValueOf(Output.All(Array.Empty<Output<int>>())));
    }

    [Fact]
    public async Task Tuple_combines_two_to_eight_values()
    {
        var pair = Output.Tuple(Output.Create("a"), Output.Create(1));
        Assert.Equal(("a", 1), await ValueOf(pair));

        var fromInputs = Output.Tuple<string, int>("b", 2);
        Assert.Equal(("b", 2), await ValueOf(fromInputs));

        var eight = Output.Tuple(Output.Create(1), Output.Create(2), Output.Create(3), Output.Create(4),
            Output.Create(5), Output.Create(6), Output.Create(7), Output.CreateSecret(8));
        Assert.Equal((1, 2, 3, 4, 5, 6, 7, 8), await ValueOf(eight));
        Assert.True(await Output.IsSecretAsync(eight));

        var unknown = Output.Tuple(Output.Create(1), OutputUtilities.CreateUnknown("x"), Output.Create(true));
        Assert.False(await IsKnown(unknown));
    }

    [Fact]
    public async Task Format_interpolates_outputs_inputs_and_plain_values_with_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Input<string> input = "in";
            var text = Output.Format($"{Output.Create("out")}/{input}/{1.5}/{Output.Create(2.25)}");
            Assert.Equal("out/in/1.5/2.25", await ValueOf(text));
            Assert.False(await Output.IsSecretAsync(text));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.True(await Output.IsSecretAsync(Output.Format($"pw={Output.CreateSecret("x")}")));
        Assert.False(await IsKnown(Output.Format($"id={OutputUtilities.CreateUnknown("")}")));
    }

    [Fact]
    public async Task JsonSerialize_renders_known_values()
    {
        var json = Output.JsonSerialize(Output.Create(new Dictionary<string, object> { ["a"] = 1, ["b"] = new[] { "x" } }));
        Assert.Equal("{\"a\":1,\"b\":[\"x\"]}", await ValueOf(json));
        Assert.False(await IsKnown(Output.JsonSerialize(OutputUtilities.CreateUnknown(1))));
        Assert.True(await Output.IsSecretAsync(Output.JsonSerialize(Output.CreateSecret(1))));
    }

    [Fact]
    public async Task JsonSerialize_writes_nested_outputs_as_values_and_keeps_their_secrecy_and_unknowns()
    {
        // The official SDK's converter: an output inside the value is written as its value, a secret one makes the
        // JSON secret, an unknown one makes it unknown.
        var withSecret = Output.JsonSerialize(Output.Create(new Dictionary<string, object?>
        {
            ["name"] = "db",
            ["password"] = Output.CreateSecret("s3cret"),
        }));
        using (var parsed = System.Text.Json.JsonDocument.Parse(await OutputUtilities.GetValueAsync(withSecret)))
        {
            Assert.Equal("s3cret", parsed.RootElement.GetProperty("password").GetString());
            Assert.Equal("db", parsed.RootElement.GetProperty("name").GetString());
        }
        Assert.True(await Output.IsSecretAsync(withSecret));

        var withUnknown = Output.JsonSerialize(Output.Create(new Dictionary<string, object?> { ["id"] = OutputUtilities.CreateUnknown("later") }));
        Assert.False(await IsKnown(withUnknown));
    }

    [Fact]
    public async Task Utilities_expose_value_knownness_and_dependencies()
    {
        var factoryCalls = 0;
        Output<int>? unknown = null;
        await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(), () =>
        {
            unknown = OutputUtilities.CreateUnknown(() => { factoryCalls++; return Task.FromResult(3); });
        });
        Assert.False(await IsKnown(unknown!));
        // As officially: an unknown reads as the default value, and a preview never runs the factory.
        Assert.Equal(0, await ValueOf(unknown!));
        Assert.Equal(0, factoryCalls);
        Assert.Equal(0, await ValueOf(OutputUtilities.CreateUnknown(7)));
        Assert.Empty(await OutputUtilities.GetDependenciesAsync(Output.Create(1)));
    }

    [Fact]
    public void ToString_does_not_return_the_value()
    {
        var text = Output.Create("the-value").ToString();
        Assert.DoesNotContain("the-value", text);
        Assert.Contains("Output<T>", text);
    }

    [Fact]
    public async Task Output_extensions_index_and_measure_arrays()
    {
        var array = Output.Create(ImmutableArray.Create("a", "b", "c"));
        Assert.Equal("b", await ValueOf(array.GetAt(1)));
        Assert.Equal("a", await ValueOf(array.First()));
        Assert.Equal(3, await ValueOf(array.Length()));
    }
}
