using System.Diagnostics;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Review;
using Enclave.Policy.Graph;

namespace Enclave.Cli.Tests.Diff;

/// <summary>
/// `git:REF` inputs in a temporary repository. Building another revision's CLI takes minutes, so the revision
/// planner is replaced by one that copies the plan committed at that revision; everything else (ref resolution,
/// the temporary worktree, its removal, the in-process path for the checked-out commit) is the real code.
/// </summary>
public class DiffGitTests
{
    private static string Git(string dir, params string[] args)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var a in new[] { "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false" }.Concat(args))
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }

    /// <summary>A repository with two commits: the base plan, then the head plan (the fake stack source plans the head).</summary>
    private static CliRun TwoCommits()
    {
        var cli = new CliRun();
        Git(cli.Root, "init", "--quiet", "--initial-branch=main");
        DiffCommandTests.WritePlan(cli, "plan.json", EnclaveGraph.Base());
        Git(cli.Root, "add", "-A");
        Git(cli.Root, "commit", "--quiet", "-m", "base");
        var head = EnclaveGraph.Base().Remove("adb").Set("vcn", "cidrBlock", PropertyValue.Of("10.40.0.0/16"));
        DiffCommandTests.WritePlan(cli, "plan.json", head);
        Git(cli.Root, "commit", "--quiet", "-am", "head");
        cli.Stacks.Graphs["prod"] = () => head.Build();
        return cli;
    }

    private sealed class CopyPlanner
    {
        public List<string> Dirs { get; } = [];

        public Task Plan(string projectDir, string stack, string planFile, string reference, CancellationToken cancel)
        {
            Dirs.Add(projectDir);
            File.Copy(Path.Combine(projectDir, "plan.json"), planFile);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_past_revision_is_planned_in_a_temporary_worktree_that_is_removed_afterwards()
    {
        using var cli = TwoCommits();
        var planner = new CopyPlanner();
        var (code, stdout, stderr) = await cli.RunAsync(planner.Plan, "diff", "git:HEAD~1", "git:HEAD", "--stack", "prod", "--format", "text");
        Assert.True(code == 0, stderr);
        Assert.Contains("-  oci:Database/autonomousDatabase:AutonomousDatabase  adb (delete) [protected] [data-bearing]", stdout);
        Assert.Contains("~ cidrBlock: \"10.30.0.0/16\" => \"10.40.0.0/16\"  (forces replacement)", stdout);
        Assert.Contains("Base git:HEAD~1 (", stdout);

        // Only the past revision needed a worktree; the checked-out commit was planned in-process.
        var dir = Assert.Single(planner.Dirs);
        Assert.Equal(1, cli.Stacks.Runs);
        Assert.False(Directory.Exists(dir));
        Assert.Single(Git(cli.Root, "worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree "));
    }

    [Fact]
    public async Task The_worktree_is_removed_when_planning_the_revision_fails()
    {
        using var cli = TwoCommits();
        string? dir = null;
        var (code, _, stderr) = await cli.RunAsync((projectDir, _, _, reference, _) =>
        {
            dir = projectDir;
            throw CliException.Usage($"{reference}: stacks/Pulumi.prod.yaml: homeRegion: \"eu-frankfurt-1\" is not a US region");
        }, "diff", "git:HEAD~1", "git:HEAD", "--stack", "prod");
        Assert.Equal(2, code);
        Assert.Equal("enclave: error: git:HEAD~1: stacks/Pulumi.prod.yaml: homeRegion: \"eu-frankfurt-1\" is not a US region", stderr.Trim());
        Assert.False(Directory.Exists(dir));
        Assert.Single(Git(cli.Root, "worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree "));
    }

    [Fact]
    public async Task An_unknown_ref_is_a_clear_usage_error()
    {
        using var cli = TwoCommits();
        var (code, _, stderr) = await cli.RunAsync(new CopyPlanner().Plan, "diff", "git:no-such-branch", "git:HEAD", "--stack", "prod");
        Assert.Equal(2, code);
        Assert.StartsWith("enclave: error: git:no-such-branch: no such revision in ", stderr.Trim());
    }

    [Fact]
    public async Task A_working_tree_with_changes_plans_even_HEAD_from_a_checkout()
    {
        using var cli = TwoCommits();
        File.AppendAllText(cli.PathOf("Pulumi.yaml"), "# local edit\n");
        var planner = new CopyPlanner();
        var (code, _, stderr) = await cli.RunAsync(planner.Plan, "diff", "git:HEAD~1", "git:HEAD", "--stack", "prod", "--expect-no-changes");
        Assert.Equal(4, code);
        Assert.Equal(2, planner.Dirs.Count);
        Assert.Equal(0, cli.Stacks.Runs);
        Assert.Contains("1 replace, 1 delete", stderr);
    }

    [Fact]
    public async Task Outside_a_git_repository_git_refs_are_refused()
    {
        using var cli = new CliRun();
        var (code, _, stderr) = await cli.RunAsync(new CopyPlanner().Plan, "diff", "git:HEAD~1", "git:HEAD", "--stack", "prod");
        Assert.Equal(2, code);
        Assert.Contains("is not inside a git repository", stderr);
    }
    [Fact]
    public async Task A_signal_while_the_revision_is_planned_removes_its_worktree_before_the_process_exits()
    {
        // Issue 12, hostile item 2: SIGTERM (a cancelled CI job) exits through Environment.Exit, which runs no finally
        // block: the worktree under $TMPDIR stayed, registered in the repository, after every interrupted review.
        using var cli = TwoCommits();
        var interruption = new Interruption();
        string? dir = null;
        bool? presentAtExit = null;
        var revision = new Commands.DiffGitRevision(FakeStacks.Services(cli.Stacks), (projectDir, _, _, _, _) =>
        {
            dir = projectDir;
            Assert.True(Directory.Exists(projectDir));
            interruption.Interrupt(15, "SIGTERM", TextWriter.Null, code =>
            {
                presentAtExit = Directory.Exists(projectDir);
                throw new OperationCanceledException($"exit {code}"); // the process would end here
            });
            return Task.CompletedTask;
        }, interruption);
        await Assert.ThrowsAsync<OperationCanceledException>(() => revision.PlanAsync(cli.Root, "git:HEAD~1", "prod", CancellationToken.None));
        Assert.NotNull(dir);
        Assert.False(presentAtExit);
        Assert.Single(Git(cli.Root, "worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree "));
    }

    [Fact]
    public async Task A_worktree_left_by_a_killed_run_is_removed_by_the_next_and_does_not_stop_it()
    {
        // SIGKILL cannot be handled: what it leaves (a worktree named for a process that is gone) is reaped next time.
        using var cli = TwoCommits();
        var sha = Git(cli.Root, "rev-parse", "HEAD~1").Trim();
        var stale = Path.Combine(Path.GetTempPath(), $"enclave-{sha[..12]}-999999999-0123abcd");
        Git(cli.Root, "worktree", "add", "--detach", "--quiet", stale, sha);
        // A live process's worktree (this one's) is left alone: another run may be using it.
        var live = Path.Combine(Path.GetTempPath(), $"enclave-{sha[..12]}-{Environment.ProcessId}-4567cdef");
        Git(cli.Root, "worktree", "add", "--detach", "--quiet", live, sha);
        try
        {
            var (code, _, stderr) = await cli.RunAsync(new CopyPlanner().Plan, "diff", "git:HEAD~1", "git:HEAD", "--stack", "prod");
            Assert.True(code == 0, stderr);
            Assert.False(Directory.Exists(stale));
            Assert.True(Directory.Exists(live));
            var listed = Git(cli.Root, "worktree", "list", "--porcelain");
            Assert.DoesNotContain("999999999", listed);
        }
        finally
        {
            Git(cli.Root, "worktree", "remove", "--force", live);
        }
    }
}
