using System.Collections.Immutable;
using Pulumi.Sdk.Tests.Infrastructure;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Pulumi.Sdk.Tests;

/// <summary>Input, InputList, InputMap, InputUnion and Union behaviour.</summary>
public sealed class InputTests
{
    private static Task<T> ValueOf<T>(Input<T> input) => OutputUtilities.GetValueAsync(input.ToOutput());

    [Fact]
    public async Task InputList_accepts_values_outputs_and_concatenation()
    {
        var list = new InputList<string> { "a", Output.Create("b") };
        list.Add("c", "d");
        list.AddRange(new InputList<string> { "e" });
        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, await ValueOf(list));

        InputList<string> fromArray = new[] { "x", "y" };
        Assert.Equal(new[] { "x", "y", "z" }, await ValueOf(fromArray.Concat(new InputList<string> { "z" })));

        InputList<int> fromOutput = Output.Create(ImmutableArray.Create(1, 2));
        Assert.Equal(new[] { 1, 2 }, await ValueOf(fromOutput));
        Assert.Empty(await ValueOf(new InputList<int>()));
    }

    [Fact]
    public async Task InputList_propagates_secrets_and_unknowns_of_elements()
    {
        var list = new InputList<string> { "a", Output.CreateSecret("b") };
        Assert.True(await Output.IsSecretAsync(list.ToOutput()));

        // Inside a deployment, as the official SDK needs one to combine a list with an unknown element.
        Output<ImmutableArray<string>>? withUnknown = null;
        await Deployment.TestAsync(new RecordingMocks().Object, new TestOptions(), () =>
        {
            withUnknown = new InputList<string> { "a", OutputUtilities.CreateUnknown("b") }.ToOutput();
        });
        Assert.False(await OutputUtilities.GetIsKnownAsync(withUnknown!));
    }

    [Fact]
    public async Task InputList_can_be_enumerated_asynchronously_but_not_synchronously()
    {
        var list = new InputList<int> { 1, 2 };
        var values = new List<int>();
        await foreach (var item in list)
        {
            values.Add(await ValueOf(item));
        }
        Assert.Equal(new[] { 1, 2 }, values);
        Assert.Throws<NotSupportedException>(() => ((System.Collections.IEnumerable)list).GetEnumerator());
    }

    [Fact]
    public async Task InputMap_accepts_values_outputs_indexer_and_merge()
    {
        var map = new InputMap<string> { { "a", "1" }, { "b", Output.Create("2") } };
        map["c"] = "3";
        var value = await ValueOf(map);
        Assert.Equal("1", value["a"]);
        Assert.Equal("2", value["b"]);
        Assert.Equal("3", value["c"]);

        // The indexer adds, as in the official SDK: giving a key a second value is an error (reported at once or
        // when the map's value is read), never a silent overwrite.
        var duplicate = await Record.ExceptionAsync(async () =>
        {
            map["a"] = "overwritten";
            await ValueOf(map);
        });
        Assert.IsType<ArgumentException>(duplicate);

        var merged = InputMap<string>.Merge(new InputMap<string> { { "k", "first" }, { "only1", "x" } }, new InputMap<string> { { "k", "second" } });
        var mergedValue = await ValueOf(merged);
        Assert.Equal("second", mergedValue["k"]);
        Assert.Equal("x", mergedValue["only1"]);

        InputMap<int> fromDictionary = new Dictionary<string, int> { ["n"] = 7 };
        Assert.Equal(7, (await ValueOf(fromDictionary))["n"]);
    }

    [Fact]
    public async Task Union_and_InputUnion_hold_either_case()
    {
        Union<string, int> left = "text";
        Union<string, int> right = 42;
        Assert.True(left.IsT0);
        Assert.Equal("text", left.AsT0);
        Assert.True(right.IsT1);
        Assert.Equal(42, right.Value);
        Assert.Equal("int:42", right.Match(s => "string:" + s, i => "int:" + i));
        Assert.Throws<InvalidOperationException>(() => left.AsT1);
        Assert.Equal(Union<string, int>.FromT1(42), right);

        InputUnion<string, int> input = Output.Create(5);
        var value = await ValueOf(input);
        Assert.True(value.IsT1);
        Assert.Equal(5, value.AsT1);
    }

    [Fact]
    public async Task Null_input_converts_to_a_known_default()
    {
        Input<string>? missing = null;
        var output = missing.ToOutput();
        Assert.True(await OutputUtilities.GetIsKnownAsync(output));
        Assert.Null(await OutputUtilities.GetValueAsync(output));
        Assert.Equal(4, await OutputUtilities.GetValueAsync(((Input<string>)"four").Apply(s => s.Length)));
    }
}
