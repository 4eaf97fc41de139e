using Enclave.Cli.Common;
using Enclave.Cli.Tests.Review;

namespace Enclave.Cli.Tests.Check;

/// <summary>
/// Red team round 9: `enclave check` with no stack judged whatever stack files it found, so a PR that deleted or
/// renamed stacks/Pulumi.prod.yaml passed on dev and staging (and prod would deploy from Pulumi.yaml's defaults,
/// never judged). The stack folder is now held to enclave-stacks.yaml, at a fixed path beside Pulumi.yaml; and a
/// stack value that is a secret (the gate reads a placeholder, the program the plaintext) is refused wherever it sits.
/// </summary>
public sealed class StackInventoryTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("enclave-inventory-").FullName;

    public StackInventoryTests()
    {
        File.Copy(RepoFile.Path("Pulumi.yaml"), Path.Combine(_repo, "Pulumi.yaml"));
        File.Copy(RepoFile.Path("enclave-stacks.yaml"), Path.Combine(_repo, "enclave-stacks.yaml"));
        Directory.CreateDirectory(Path.Combine(_repo, "stacks"));
        foreach (var stack in new[] { "dev", "staging", "prod" })
            File.Copy(RepoFile.Path($"stacks/Pulumi.{stack}.yaml"), Stack(stack));
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private string Stack(string name) => Path.Combine(_repo, "stacks", $"Pulumi.{name}.yaml");

    private async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var services = new CliServices(new OfflineStackSource(), () => new DateOnly(2026, 11, 29));
        var code = await CliApp.RunAsync([.. args, "--repo", _repo], services, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string OneLine(string stderr) => Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task The_shipped_stacks_as_declared_pass_a_bare_check()
    {
        var (code, stdout, stderr) = await Run("check", "-q");
        Assert.True(code == 0, stderr);
        Assert.Contains("prod", stdout);
    }

    [Fact]
    public async Task A_deleted_prod_stack_file_fails_the_bare_check_naming_the_inventory()
    {
        File.Delete(Stack("prod"));
        var (code, _, stderr) = await Run("check");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        var line = OneLine(stderr);
        Assert.Contains("enclave-stacks.yaml", line);
        Assert.Contains("declares stack 'prod', but stacks/Pulumi.prod.yaml is missing", line);
    }

    [Fact]
    public async Task A_renamed_prod_stack_file_fails_on_both_sides()
    {
        File.Move(Stack("prod"), Stack("prod2"));
        var (code, _, stderr) = await Run("check");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("declares stack 'prod'", OneLine(stderr));
        // Even with prod retired from the inventory, the undeclared file is refused, never judged as a new stack.
        File.WriteAllText(Path.Combine(_repo, "enclave-stacks.yaml"), "stacks: [dev, staging]\n");
        (code, _, stderr) = await Run("check");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("stacks/Pulumi.prod2.yaml: stack 'prod2' is not declared in enclave-stacks.yaml", OneLine(stderr));
    }

    [Fact]
    public async Task The_stack_folder_moved_away_by_Pulumi_yaml_fails()
    {
        var project = File.ReadAllText(Path.Combine(_repo, "Pulumi.yaml")).Replace("stackConfigDir: stacks", "stackConfigDir: stacks2", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_repo, "Pulumi.yaml"), project);
        Directory.CreateDirectory(Path.Combine(_repo, "stacks2"));
        File.Copy(Stack("dev"), Path.Combine(_repo, "stacks2", "Pulumi.dev.yaml"));
        var (code, _, stderr) = await Run("check");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("declares stack 'staging', but stacks2/Pulumi.staging.yaml is missing", OneLine(stderr));
    }

    [Fact]
    public async Task An_inventory_listing_more_stacks_than_the_stack_cap_is_refused_before_any_name_is_compared()
    {
        // ~100k names fit in the 1 MiB project-file cap; compared pairwise they once held the gate for minutes.
        var names = string.Join("\n", Enumerable.Range(0, 100_000).Select(i => $"- s{i}"));
        File.WriteAllText(Path.Combine(_repo, "enclave-stacks.yaml"), "stacks:\n" + names + "\n");
        var (code, _, stderr) = await Run("stacks");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        var line = OneLine(stderr);
        Assert.Contains("enclave-stacks.yaml", line);
        Assert.Contains("lists 100000 stacks; at most 200 (ENCLAVE_MAX_STACKS)", line);
    }

    [Theory]
    [InlineData(null, "is missing: the gate judges exactly the stacks this repository deploys")]
    [InlineData("stacks: []\n", "expected stacks: a non-empty list")]
    [InlineData("stacks: [dev, staging, prod, dev]\n", "stack 'dev' is listed twice")]
    [InlineData("stacks: [dev, staging, prod]\nretired: [prod]\n", "unknown key")]
    [InlineData("stacks: [dev, staging, 'pr\u043Ed']\n", "expected a stack name")]
    public async Task A_missing_or_malformed_inventory_fails_closed(string? inventory, string expected)
    {
        var path = Path.Combine(_repo, "enclave-stacks.yaml");
        if (inventory is null) File.Delete(path); else File.WriteAllText(path, inventory);
        var (code, _, stderr) = await Run("stacks");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        var line = OneLine(stderr);
        Assert.Contains("enclave-stacks.yaml", line);
        Assert.Contains(expected, line);
    }

    [Theory]
    [InlineData("        entityId: http://www.okta.example/exk1usdsprod", "        entityId:\n          secure: v1:AAAABBBBCCCC", "us-data-enclave:federation")]
    [InlineData("      - 172.16.0.0/20", "      - secure: v1:AAAABBBBCCCC", "us-data-enclave:network")]
    public async Task A_secret_anywhere_in_an_enclave_setting_is_refused(string plain, string secret, string key)
    {
        var text = File.ReadAllText(Stack("prod"));
        Assert.Contains(plain, text);
        File.WriteAllText(Stack("prod"), text.Replace(plain, secret, StringComparison.Ordinal));
        var (code, _, stderr) = await Run("check", "prod");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains($"{key}: is a secret (or holds one)", OneLine(stderr));
        Assert.DoesNotContain("AAAABBBB", stderr);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    public async Task Pulumi_yaml_cannot_declare_an_enclave_setting_secret(string spelling)
    {
        var path = Path.Combine(_repo, "Pulumi.yaml");
        var text = File.ReadAllText(path);
        const string Declaration = "    description: Public CIDRs of the US data-security team (Bastion allow-list, network source).\n";
        Assert.Contains(Declaration, text);
        File.WriteAllText(path, text.Replace(Declaration, Declaration + $"    secret: {spelling}\n", StringComparison.Ordinal));
        var (code, _, stderr) = await Run("check", "prod");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("config.gatekeeperCidrs: secret: true would hide an isolation setting from the gate", OneLine(stderr));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("'true'")]
    [InlineData("1")]
    public async Task A_secret_flag_Pulumi_would_not_read_as_a_boolean_is_refused(string spelling)
    {
        var path = Path.Combine(_repo, "Pulumi.yaml");
        File.WriteAllText(path, File.ReadAllText(path) + $"  oci:privateKeyPassword:\n    secret: {spelling}\n");
        var (code, _, stderr) = await Run("check", "prod");
        Assert.Equal(ExitCodes.UsageOrConfig, code);
        Assert.Contains("secret: expected true or false", OneLine(stderr));
    }

    [Fact]
    public async Task A_provider_credential_may_still_be_declared_secret()
    {
        var path = Path.Combine(_repo, "Pulumi.yaml");
        File.WriteAllText(path, File.ReadAllText(path) + "  oci:privateKeyPassword:\n    secret: True\n");
        var (code, _, stderr) = await Run("check", "prod", "-q");
        Assert.True(code == 0, stderr);
    }
}
