using System.ComponentModel;
using System.Diagnostics;
using Enclave.Cli.Common;
using Enclave.Policy.Review;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Commands;

/// <summary>
/// Plans a stack as it was at a git revision (<c>git:REF</c>): checks the revision out into a temporary
/// <c>git worktree</c>, runs that revision's own <c>enclave plan --format json</c> there (its program, its config,
/// its rules), reads the plan, and removes the worktree whatever happens. When REF is the commit already checked
/// out and the working tree has no changes to tracked files, the plan runs in-process instead (no second build).
/// A signal removes the worktree and stops the revision's CLI before the process exits; what SIGKILL leaves is
/// removed by the next such run (<see cref="StaleWorktrees"/>).
/// </summary>
public sealed class DiffGitRevision(CliServices services, DiffGitRevision.RevisionPlanner? planner = null, Interruption? interruption = null)
{
    private readonly Interruption _interruption = interruption ?? Interruption.Process;

    /// <summary>Writes the plan JSON of <paramref name="stack"/> for the checkout at <paramref name="projectDir"/> to <paramref name="planFile"/>.</summary>
    public delegate Task RevisionPlanner(string projectDir, string stack, string planFile, string reference, CancellationToken cancel);

    public const string Prefix = "git:";

    private readonly RevisionPlanner _planner = planner ?? RunRevisionCliAsync;

    public static bool IsGitSpec(string spec) => spec.StartsWith(Prefix, StringComparison.Ordinal);

    /// <returns>The plan and a label naming the ref and its commit.</returns>
    public async Task<(PlanDocument Plan, string Label)> PlanAsync(string root, string spec, string stack, CancellationToken cancel)
    {
        var reference = spec[Prefix.Length..];
        if (reference.Length == 0) throw CliException.Usage($"{spec}: expected git:REF, e.g. git:main or git:HEAD~1");
        var top = (await GitAsync(root, spec, cancel, "rev-parse", "--show-toplevel")).Trim();
        var (code, sha, _) = await RunGitAsync(root, cancel, "rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}");
        if (code != 0 || sha.Trim().Length == 0)
            throw CliException.Usage($"{spec}: no such revision in {top} (fetch it first, e.g. `git fetch origin {reference}`; CI checkouts need fetch-depth: 0)");
        sha = sha.Trim();
        var label = $"{spec} ({sha[..Math.Min(12, sha.Length)]})";

        var head = (await GitAsync(root, spec, cancel, "rev-parse", "HEAD")).Trim();
        var dirty = (await GitAsync(root, spec, cancel, "status", "--porcelain", "--untracked-files=no")).Trim().Length > 0;
        if (sha == head && !dirty) return (await PlanCommand.BuildAsync(services, root, stack, cancel), label);

        await StaleWorktrees.ReapAsync(root, (r, w) => RemoveWorktreeAsync(r, w));
        var worktree = StaleWorktrees.NewPath(sha);
        // A signal (a cancelled CI job) exits without running the finally below: the worktree is removed then too.
        using var onSignal = _interruption.OnInterrupt(() => StaleWorktrees.RemoveNow(root, worktree));
        await GitAsync(root, spec, cancel, "worktree", "add", "--detach", "--quiet", worktree, sha);
        try
        {
            var projectDir = Path.Combine(worktree, Path.GetRelativePath(top, root));
            if (!File.Exists(Path.Combine(projectDir, "stacks", $"Pulumi.{stack}.yaml")))
                throw CliException.Usage($"{spec}: stack '{stack}' does not exist at that revision (no stacks/Pulumi.{stack}.yaml)");
            var planFile = Path.Combine(worktree, ".enclave-plan.json");
            await _planner(projectDir, stack, planFile, spec, cancel);
            if (!File.Exists(planFile)) throw CliException.Input($"{spec}: the revision's `enclave plan` wrote no plan");
            try { return (PlanJsonReader.ReadFile(planFile), label); }
            catch (ReviewInputException e) { throw CliException.Input($"{spec}: the revision's plan is unreadable: {e.Message}"); }
        }
        finally
        {
            await RemoveWorktreeAsync(root, worktree);
        }
    }

    /// <summary>The default planner: <c>dotnet run</c> of the revision's own CLI in its checkout.</summary>
    private static async Task RunRevisionCliAsync(string projectDir, string stack, string planFile, string reference, CancellationToken cancel)
    {
        var project = Path.Combine(projectDir, "infra", "Enclave.Cli", "Enclave.Cli.csproj");
        if (!File.Exists(project))
            throw CliException.Usage($"{reference}: that revision has no enclave CLI (infra/Enclave.Cli), so it cannot be planned");
        var (code, stdout, stderr) = await RunAsync("dotnet", projectDir, cancel,
            "run", "--project", project, "-c", "Release", "--", "plan", stack, "--format", "json", "--output", planFile);
        // 0 = passes, 1 = policy violations: both write a complete plan. A failed build also exits 1 but writes none.
        if (code is 0 or 1 && File.Exists(planFile)) return;
        var buildFailed = stdout.Contains("Build FAILED", StringComparison.Ordinal) || stdout.Contains(": error ", StringComparison.Ordinal);
        var reason = buildFailed
            ? $"that revision does not build: {FirstError(stdout)}"
            : FirstError(stderr) ?? FirstError(stdout) ?? $"exit code {code}";
        if (code == ExitCodes.UsageOrConfig) throw CliException.Usage($"{reference}: {reason}");
        throw CliException.Input($"{reference}: could not plan {stack} at that revision: {reason}");
    }

    private static string? FirstError(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.LastOrDefault();
        const string ownPrefix = "enclave: error: ";
        if (line is not null && line.StartsWith(ownPrefix, StringComparison.Ordinal)) line = line[ownPrefix.Length..];
        // A compiler line carries the project in brackets: keep the message, drop the noise.
        if (line is not null && line.EndsWith(']') && line.LastIndexOf(" [", StringComparison.Ordinal) is > 0 and var cut) line = line[..cut];
        return line;
    }

    private static async Task RemoveWorktreeAsync(string root, string worktree)
    {
        // Never let cleanup mask the real outcome; fall back to deleting the folder and pruning git's record of it.
        try
        {
            var (code, _, _) = await RunGitAsync(root, CancellationToken.None, "worktree", "remove", "--force", worktree);
            if (code == 0) return;
        }
        catch (CliException) { }
        try { if (Directory.Exists(worktree)) Directory.Delete(worktree, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        try { await RunGitAsync(root, CancellationToken.None, "worktree", "prune"); }
        catch (CliException) { }
    }

    private static async Task<string> GitAsync(string root, string spec, CancellationToken cancel, params string[] args)
    {
        var (code, stdout, stderr) = await RunGitAsync(root, cancel, args);
        if (code != 0)
        {
            var reason = FirstError(stderr) ?? $"exit code {code}";
            throw CliException.Usage(reason.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
                ? $"{spec}: {root} is not inside a git repository"
                : $"{spec}: git {args[0]} failed: {reason}");
        }
        return stdout;
    }

    internal static Task<(int Code, string Stdout, string Stderr)> RunGitAsync(string root, CancellationToken cancel, params string[] args) =>
        RunAsync("git", root, cancel, ["-C", root, .. args]);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, string workDir, CancellationToken cancel, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process process;
        try { process = Process.Start(info) ?? throw new Win32Exception(); }
        catch (Win32Exception)
        {
            throw CliException.Usage($"git:REF needs `{file}` on PATH, and it was not found");
        }
        using (process)
        // A signal exits without waiting for the child (`dotnet run` of another revision, minutes long): it is stopped too.
        using (Interruption.Process.OnInterrupt(() => process.Kill(entireProcessTree: true)))
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancel);
            var stderr = process.StandardError.ReadToEndAsync(cancel);
            try { await process.WaitForExitAsync(cancel); }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw;
            }
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
