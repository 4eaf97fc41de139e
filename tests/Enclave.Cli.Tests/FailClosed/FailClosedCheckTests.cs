using Enclave.Cli.Common;
using Enclave.Cli.Tests.Attacks.Classes;
using Enclave.Cli.Tests.Attacks.Framework;
using Enclave.Cli.Tests.Plan;

namespace Enclave.Cli.Tests.FailClosed;

/// <summary>`enclave check` on the deployed prod stack: fail-closed counting, `--undetermined`, and `--soft-fail` labels.</summary>
[Collection(ProgramRunCollection.Name)]
public class FailClosedCheckTests
{
    private static async Task<(int Code, string Out, string Err)> Check(Action<Prod> edit, Form form, params string[] extra)
    {
        var prod = new Prod(await ProdBaseline.GetAsync());
        edit(prod);
        var dir = Directory.CreateTempSubdirectory("enclave-failclosed-").FullName;
        try
        {
            var file = Path.Combine(dir, "artifact.json");
            await File.WriteAllTextAsync(file, Artifacts.Write(prod, form));
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await CliApp.RunAsync(
                ["check", form == Form.Export ? "--state" : "--preview-json", file, "--stack", "prod", "--repo", ProdBaseline.RepoRoot, .. extra],
                new CliServices(new OfflineStackSource(), () => AttackRunner.Today), stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static void UnknownAccessType(Prod p) => p.Resource("storage-user-data").Unknown("accessType");

    // A reference the cloud assigns (the bucket's key), with nothing saying which resource it names: undetermined, so
    // fail-closed decides. (An unknown literal such as the access type is a violation of ENC-GOV-007 everywhere.)
    private static void UnknownBucketKey(Prod p) => p.Resource("storage-user-data").Unknown("kmsKeyId").WithoutLineage("kmsKeyId");

    [Fact]
    public async Task An_unreadable_value_in_a_state_blocks_and_says_why()
    {
        var (code, stdout, _) = await Check(UnknownAccessType, Form.Export);

        Assert.Equal(ExitCodes.Violations, code);
        var line = Assert.Single(stdout.Split('\n'), l => l.Contains("ENC-STO-001", StringComparison.Ordinal));
        Assert.StartsWith("BLOCKING critical ENC-STO-001", line);
        Assert.Contains("could not be read: ", line);
        Assert.Contains("a deployed state holds every value", line);
    }

    [Fact]
    public async Task Undetermined_warn_relaxes_it_explicitly()
    {
        var (code, stdout, _) = await Check(UnknownBucketKey, Form.Export, "--undetermined", "warn");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Undetermined", stdout);
    }

    [Fact]
    public async Task An_unknown_reference_in_a_preview_is_a_value_computed_at_deploy_time_and_stays_advisory()
    {
        // The bucket-key rule's own doubt stays advisory in a preview, and blocks in a state.
        var (code, _, _) = await Check(UnknownBucketKey, Form.Preview, "--rule", "ENC-STO-002");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(ExitCodes.Violations, (await Check(UnknownBucketKey, Form.Export, "--rule", "ENC-STO-002")).Code);
    }

    [Fact]
    public async Task A_reference_known_before_an_update_and_unknown_after_it_blocks_in_a_preview()
    {
        // Round 13: the key was known before this update and nothing it could name is being created, so the change computes
        // it; the doubt is not the cloud's (ENC-GOV-093).
        var (code, stdout, _) = await Check(UnknownBucketKey, Form.Preview);
        Assert.Equal(ExitCodes.Violations, code);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("BLOCKING critical ENC-GOV-093", StringComparison.Ordinal) && l.Contains("kmsKeyId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_literal_in_a_preview_blocks_through_GOV_007()
    {
        var (code, stdout, _) = await Check(UnknownAccessType, Form.Preview);
        Assert.Equal(ExitCodes.Violations, code);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("BLOCKING critical ENC-GOV-007", StringComparison.Ordinal) && l.Contains("accessType", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    public async Task A_bad_undetermined_value_is_a_usage_error(string value)
    {
        var (code, _, stderr) = await Check(_ => { }, Form.Export, "--undetermined", value);
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("--undetermined", stderr);
    }

    [Fact]
    public async Task Soft_fail_exits_0_but_still_labels_each_violation_a_violation()
    {
        var (code, stdout, _) = await Check(p => NetworkAttacks.AddGateway(p, "oci:Core/internetGateway:InternetGateway", "network-igw"),
            Form.Preview, "--soft-fail");

        Assert.Equal(ExitCodes.Ok, code);
        var line = Assert.Single(stdout.Split('\n'), l => l.Contains("ENC-NET-002", StringComparison.Ordinal) && l.Contains("network-igw", StringComparison.Ordinal));
        Assert.StartsWith("VIOLATION critical ENC-NET-002", line);
        Assert.DoesNotContain("advisory critical ENC-NET-002", stdout);
        Assert.Contains("PASSED (--soft-fail): prod: 1 violation(s) that would block", stdout);
    }
}
