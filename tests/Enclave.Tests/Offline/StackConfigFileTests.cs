using Enclave.Offline.Stacks;

namespace Enclave.Tests.Offline;

public class StackConfigFileTests
{
    [Fact]
    public void Values_are_namespaced_and_structured_values_become_compact_sorted_json()
    {
        using var repo = new TempRepo().Stack("dev", """
            config:
              demo:region: us-phoenix-1
              replicas: 5
              demo:settings:
                name: x
                count: 2
                ratio: 0.5
                enabled: true
                quoted: "2"
                nothing: ~
                list: [1, two]
              oci:tenancyOcid: ocid1.tenancy.oc1..aaaa
            """);

        var config = StackConfigFile.Load(repo.Root, "dev");

        Assert.Equal("demo", config.Project);
        Assert.Equal("stacks/Pulumi.dev.yaml", config.StackFile);
        Assert.Equal("us-phoenix-1", config.Values["demo:region"]);
        Assert.Equal("5", config.Values["demo:replicas"]);
        Assert.Equal("""{"count":2,"enabled":true,"list":[1,"two"],"name":"x","nothing":null,"quoted":"2","ratio":0.5}""",
            config.Values["demo:settings"]);
        Assert.Equal("ocid1.tenancy.oc1..aaaa", config.Values["oci:tenancyOcid"]);
    }

    [Fact]
    public void Project_defaults_apply_when_the_stack_does_not_set_the_key()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:region: us-phoenix-1\n  demo:debug: true\n");

        var config = StackConfigFile.Load(repo.Root, "dev");

        Assert.Equal("""["a","b"]""", config.Values["demo:zones"]);
        Assert.Equal("3", config.Values["demo:replicas"]);
        Assert.Equal("true", config.Values["demo:debug"]);          // the stack wins over the default
        Assert.Equal("us-ashburn-1", config.Values["oci:region"]);  // plain project value of another namespace
    }

    [Fact]
    public void Secure_values_are_marked_secret_and_never_decrypted()
    {
        using var repo = new TempRepo().Stack("dev", """
            config:
              demo:region: us-phoenix-1
              demo:apiKey:
                secure: v1:AAAABBBBCCCC:ZmFrZS1jaXBoZXJ0ZXh0
              demo:nested:
                user: admin
                password:
                  secure: v1:DDDDEEEE:bmVzdGVk
            """);

        var config = StackConfigFile.Load(repo.Root, "dev");

        Assert.Equal<string>(["demo:apiKey", "demo:nested"], config.SecretKeys.ToArray());
        Assert.Equal(StackConfig.SecretPlaceholder, config.Values["demo:apiKey"]);
        Assert.Equal("""{"password":"[secret]","user":"admin"}""", config.Values["demo:nested"]);
        Assert.DoesNotContain("ZmFrZS1jaXBoZXJ0ZXh0", config.ToConfigJson(), StringComparison.Ordinal);
        Assert.Equal("""["demo:apiKey","demo:nested"]""", config.ToSecretKeysJson());
    }

    [Fact]
    public void Legacy_config_keys_are_normalized()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:config:region: us-phoenix-1\n");
        Assert.Equal("us-phoenix-1", StackConfigFile.Load(repo.Root, "dev").Values["demo:region"]);
    }

    [Fact]
    public void Bad_yaml_reports_file_line_and_column()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:region: us-phoenix-1\n  demo:zones: [a, b\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));

        Assert.StartsWith("stacks/Pulumi.dev.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains("is not valid YAML", e.Message, StringComparison.Ordinal);
        Assert.Equal("stacks/Pulumi.dev.yaml", e.File);
        Assert.NotNull(e.Line);
        Assert.DoesNotContain("   at ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_reported_with_their_line()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:region: us-phoenix-1\n  demo:region: us-ashburn-1\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));

        Assert.StartsWith("stacks/Pulumi.dev.yaml:3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_that_is_not_a_mapping_is_reported_with_its_position()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  - demo:region\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));

        Assert.Equal("stacks/Pulumi.dev.yaml:2:3: config: expected a mapping of namespace:key to values", e.Message);
    }

    [Fact]
    public void Unknown_stack_lists_the_known_ones()
    {
        using var repo = new TempRepo()
            .Stack("dev", "config:\n  demo:region: x\n")
            .Stack("prod", "config:\n  demo:region: x\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "qa"));

        Assert.Equal("stacks/Pulumi.qa.yaml: no such stack 'qa'; known stacks: dev, prod", e.Message);
        Assert.Equal<string>(["dev", "prod"], StackConfigFile.ListStacks(repo.Root).ToArray());
    }

    [Fact]
    public void A_stack_name_with_a_path_is_refused()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:region: x\n");
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "../dev"));
        Assert.Contains("no such stack '../dev'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_key_without_default_must_be_set()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:replicas: 2\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));

        Assert.Equal("stacks/Pulumi.dev.yaml: Stack 'dev' is missing configuration value 'region' (declared without a default in Pulumi.yaml)", e.Message);
    }

    [Theory]
    [InlineData("demo:zones: eu", "'zones' must be of type 'array<string>'", 3)]
    [InlineData("demo:zones: [a, 1]", "'zones' must be of type 'array<string>'", 3)]
    [InlineData("demo:replicas: many", "'replicas' must be of type 'integer'", 3)]
    [InlineData("demo:debug: yes", "'debug' must be of type 'boolean'", 3)]
    public void A_value_of_the_wrong_declared_type_is_reported_at_its_line(string line, string fragment, int lineNumber)
    {
        using var repo = new TempRepo().Stack("dev", $"config:\n  demo:region: x\n  {line}\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));

        Assert.StartsWith($"stacks/Pulumi.dev.yaml:{lineNumber}:", e.Message, StringComparison.Ordinal);
        Assert.Contains($"Stack 'dev' with configuration key {fragment}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_one_line_listing_each_with_its_position()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:replicas: many\n  demo:debug: yes\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));

        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("stacks/Pulumi.dev.yaml: 3 problems: stacks/Pulumi.dev.yaml: Stack 'dev' is missing configuration value 'region'", e.Message, StringComparison.Ordinal);
        Assert.Contains("; stacks/Pulumi.dev.yaml:2:", e.Message, StringComparison.Ordinal);
        Assert.Contains("; stacks/Pulumi.dev.yaml:3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_file_with_a_duplicate_key_is_reported_like_a_stack_config()
    {
        // As Pulumi's own reader (go-yaml v3: "mapping key already defined"): never a guess at which value counts.
        using var repo = new TempRepo("name: demo\nruntime: dotnet\nname: other\nstackConfigDir: stacks\n").Stack("dev", "config: {}\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));

        Assert.StartsWith("Pulumi.yaml:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains("Duplicate key name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_project_file_is_reported()
    {
        var dir = Directory.CreateTempSubdirectory("enclave-empty-").FullName;
        try
        {
            var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(dir, "dev"));
            Assert.StartsWith("Pulumi.yaml: not found in ", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_bad_type_declaration_in_the_project_file_is_reported_at_its_line()
    {
        using var repo = new TempRepo("name: demo\nruntime: dotnet\nconfig:\n  region:\n    type: text\n");

        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));

        Assert.Equal("Pulumi.yaml:5:11: config.region.type: 'text' is not a config type; use string, boolean, integer or array", e.Message);
    }

    [Fact]
    public void A_binary_stack_file_is_refused()
    {
        using var repo = new TempRepo().Stack("dev", "config:\0\u0001\u0002");
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
        Assert.Equal("stacks/Pulumi.dev.yaml: binary content (NUL bytes); expected a YAML stack config (Pulumi.<stack>.yaml)", e.Message);
        Assert.True(e.Unreadable, "a file that is not text is unreadable input (exit 3), not a config mistake");
    }

    [Fact]
    public void The_repository_pulumi_yaml_declares_only_valid_types_and_its_stacks_load()
    {
        var root = Enclave.Tests.Configuration.RepoRoot.Path;
        Assert.Equal<string>(["dev", "prod", "staging"], StackConfigFile.ListStacks(root).ToArray());
        var prod = StackConfigFile.Load(root, "prod");
        Assert.Equal("us-data-enclave", prod.Project);
        Assert.Equal("us-ashburn-1", prod.Values["oci:region"]);
        Assert.Empty(prod.SecretKeys);
    }

    [Fact]
    public async Task Config_environment_is_set_for_the_run_and_restored_after()
    {
        using var repo = new TempRepo().Stack("dev", "config:\n  demo:region: us-phoenix-1\n  demo:k:\n    secure: v1:abc\n");
        var config = StackConfigFile.Load(repo.Root, "dev");
        var before = Environment.GetEnvironmentVariable(Enclave.Configuration.PulumiConfigSource.ConfigVariable);

        using (await ConfigEnvironment.EnterAsync(config))
        {
            Assert.Equal(config.ToConfigJson(), Environment.GetEnvironmentVariable(Enclave.Configuration.PulumiConfigSource.ConfigVariable));
            Assert.Equal("""["demo:k"]""", Environment.GetEnvironmentVariable(Enclave.Configuration.PulumiConfigSource.SecretKeysVariable));
        }

        Assert.Equal(before, Environment.GetEnvironmentVariable(Enclave.Configuration.PulumiConfigSource.ConfigVariable));
    }
}
