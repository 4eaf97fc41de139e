using Enclave.Offline.Stacks;

namespace Enclave.Tests.Offline;

/// <summary>
/// Round 4 of issue 12: files the gate finds in the repository must be in it. A stack config that was a symbolic link
/// to <c>/proc/self/environ</c> or to a file elsewhere on the CI machine, a stack folder linked out of the
/// repository, or <c>stackConfigDir: ../elsewhere</c> had the gate judge (and PASS) a config no reviewer saw.
/// </summary>
public class RepositoryFilesTests
{
    private const string Config = "config:\n  demo:region: us-phoenix-1\n";

    [Fact]
    public void A_stack_file_linked_out_of_the_repository_is_unreadable()
    {
        if (OperatingSystem.IsWindows()) return;
        using var outside = new TempRepo();
        using var repo = new TempRepo();
        var target = Path.Combine(outside.Root, "elsewhere.yaml");
        File.WriteAllText(target, Config);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "stacks", "Pulumi.dev.yaml"), target);

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
        Assert.True(e.Unreadable);
        Assert.StartsWith("stacks/Pulumi.dev.yaml: is a link to ", e.Message);
        Assert.Contains("elsewhere.yaml, outside the repository", e.Message);
    }

    [Fact]
    public void A_stack_file_linked_to_proc_is_unreadable()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var repo = new TempRepo();
        File.CreateSymbolicLink(Path.Combine(repo.Root, "stacks", "Pulumi.dev.yaml"), "/proc/self/environ");
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
        Assert.Matches(@"is a link to /proc/\d+/environ, outside the repository", e.Message);
    }

    [Fact]
    public void A_stack_folder_linked_out_of_the_repository_is_unreadable()
    {
        if (OperatingSystem.IsWindows()) return;
        using var outside = new TempRepo();
        File.WriteAllText(Path.Combine(outside.Root, "stacks", "Pulumi.dev.yaml"), Config);
        using var repo = new TempRepo();
        Directory.Delete(Path.Combine(repo.Root, "stacks"));
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "stacks"), Path.Combine(outside.Root, "stacks"));
        Assert.True(Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev")).Unreadable);
    }

    [Fact]
    public void A_stack_file_hard_linked_to_a_file_outside_the_repository_is_unreadable()
    {
        // Round 5: a hard link has no target a path check can resolve, so the symbolic-link check passed it.
        if (!OperatingSystem.IsLinux()) return;
        using var outside = new TempRepo();
        using var repo = new TempRepo();
        var target = Path.Combine(outside.Root, "credentials.yaml");
        File.WriteAllText(target, Config);
        Assert.Equal(0, link(target, Path.Combine(repo.Root, "stacks", "Pulumi.dev.yaml")));

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
        Assert.True(e.Unreadable);
        Assert.Equal("stacks/Pulumi.dev.yaml: has 2 hard links, so its content may be that of a file outside the repository; " +
                     "a git checkout never makes hard links (copy the file into the repository)", e.Message);
    }

    [Fact]
    public void A_project_file_with_a_second_hard_link_is_unreadable()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var outside = new TempRepo();
        using var repo = new TempRepo();
        Assert.Equal(0, link(Path.Combine(repo.Root, "Pulumi.yaml"), Path.Combine(outside.Root, "copy.yaml")));
        Assert.True(Assert.Throws<StackConfigException>(() => ProjectFile.Load(repo.Root)).Unreadable);
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int link(string existing, string created);

    [Fact]
    public void A_link_inside_the_repository_is_followed()
    {
        if (OperatingSystem.IsWindows()) return;
        using var repo = new TempRepo().Stack("prod", Config);
        File.CreateSymbolicLink(Path.Combine(repo.Root, "stacks", "Pulumi.dev.yaml"), "../stacks/./Pulumi.prod.yaml");
        Assert.Equal("us-phoenix-1", StackConfigFile.Load(repo.Root, "dev").Values["demo:region"]);
    }

    [Fact]
    public void A_project_file_linked_out_of_the_repository_is_unreadable()
    {
        if (OperatingSystem.IsWindows()) return;
        using var outside = new TempRepo();
        using var repo = new TempRepo();
        File.Delete(Path.Combine(repo.Root, "Pulumi.yaml"));
        File.CreateSymbolicLink(Path.Combine(repo.Root, "Pulumi.yaml"), Path.Combine(outside.Root, "Pulumi.yaml"));
        Assert.True(Assert.Throws<StackConfigException>(() => ProjectFile.Load(repo.Root)).Unreadable);
    }

    [Theory]
    [InlineData("../elsewhere", "leaves the project folder ('..')")]
    [InlineData("stacks/../../elsewhere", "leaves the project folder ('..')")]
    [InlineData("/etc", "is an absolute path")]
    [InlineData("~/stacks", "is an absolute path")]
    [InlineData("\"stacks\\u200b\"", "holds a control or invisible character")]
    public void A_stack_folder_outside_the_project_is_a_config_error(string folder, string problem)
    {
        var project = TempRepo.DefaultProject.Replace("stackConfigDir: stacks", $"stackConfigDir: {folder}", StringComparison.Ordinal);
        var e = Assert.Throws<StackConfigException>(() => ProjectFile.Parse(project));
        Assert.False(e.Unreadable);
        Assert.Contains($"stackConfigDir '", e.Message);
        Assert.Contains(problem, e.Message);
    }
}
