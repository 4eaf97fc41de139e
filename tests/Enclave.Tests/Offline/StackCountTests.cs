using Enclave.Offline.Stacks;

namespace Enclave.Tests.Offline;

/// <summary>
/// `check` with no stack plans every stack file (about 0.4 s of CPU each): a pull request that copied the dev stack
/// 5,000 times held CI for half an hour and printed a summary naming all of them. The number of stack files is capped
/// (ENCLAVE_MAX_STACKS, 200 by default), counted while the folder is listed, and passing it is a config error naming
/// the folder, the limit and the variable.
/// </summary>
public class StackCountTests
{
    private const string Config = "config:\n  demo:region: us-phoenix-1\n";

    private static TempRepo Repo(int stacks)
    {
        var repo = new TempRepo();
        for (var i = 0; i < stacks; i++) repo.Stack($"s{i:D4}", Config);
        return repo;
    }

    [Fact]
    public void More_stack_files_than_the_cap_are_refused_in_one_line()
    {
        using var repo = Repo((int)StackConfigFile.DefaultMaxStacks + 1);
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.ListStacks(repo.Root));
        Assert.StartsWith($"stacks: holds more than {StackConfigFile.DefaultMaxStacks} stack files", e.Message);
        Assert.Contains(StackConfigFile.MaxStacksVariable, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(e.Unreadable); // a config error (exit 2), not an unreadable file
    }

    [Fact]
    public void As_many_stack_files_as_the_cap_are_all_listed()
    {
        using var repo = Repo((int)StackConfigFile.DefaultMaxStacks);
        Assert.Equal((int)StackConfigFile.DefaultMaxStacks, StackConfigFile.ListStacks(repo.Root).Length);
    }
}
