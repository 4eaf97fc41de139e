using Enclave.Offline.Stacks;

namespace Enclave.Tests.Offline;

/// <summary>
/// Round 3 of issue 12: a stack or project file may say only what the gate reads. Before, a value under a namespace
/// that only looked like the project's (<c>US-DATA-ENCLAVE:</c>, a Cyrillic а), an oci setting the provider does not
/// have (<c>oci:Region</c>), an ESC <c>environment:</c> import, or a Pulumi.yaml whose <c>main:</c>,
/// <c>runtime.options.binary</c> or <c>plugins:</c> deploy another program or provider, all passed `enclave check`.
/// </summary>
public class FileKeysTests
{
    private const string Project = "name: demo\nruntime: dotnet\nstackConfigDir: stacks\n";

    private static StackConfigException Refused(string project, string? stack = null)
    {
        using var repo = new TempRepo(project).Stack("dev", stack ?? "config:\n  demo:a: 1\n");
        return Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "dev"));
    }

    [Theory]
    [InlineData("  DEMO:a: 1\n", "namespace 'DEMO' is read by neither the program nor a provider it uses, so pulumi would ignore the value (namespaces are case-sensitive: demo)")]
    [InlineData("  OCI:region: eu-frankfurt-1\n", "namespace 'OCI' is read by neither")]
    [InlineData("  other:a: 1\n", "namespace 'other' is read by neither")]
    [InlineData("  oci:Region: eu-frankfurt-1\n", "the oci provider has no setting 'Region' and would ignore it (did you mean oci:region?)")]
    [InlineData("  oci:regionX: eu-frankfurt-1\n", "the oci provider has no setting 'regionX'")]
    [InlineData("  d\u0435mo:a: 1\n", "config key 'd\\u0435mo:a' holds a space, a control or a non-ASCII character")]
    [InlineData("  demo:g\u0430te: 1\n", "config key 'demo:g\\u0430te' holds")]
    [InlineData("  \"demo:a \": 1\n", "config key 'demo:a ' holds a space")]
    [InlineData("  \"demo:a\\u200b\": 1\n", "config key 'demo:a\\u200b' holds")] // written raw, the whole file is refused (VisibleYamlTextTests)
    public void A_config_key_no_one_reads_is_refused_on_its_line(string line, string message)
    {
        var e = Refused(Project, "config:\n  demo:a: 1\n" + line.Replace("  demo:a: 1\n", "  demo:b: 1\n"));
        Assert.False(e.Unreadable);
        Assert.Equal(3, e.Line);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("environment: [parentco/overrides]\n", "environment: imports Pulumi ESC environments, whose values reach the program but not the gate")]
    [InlineData("environment:\n  imports: [x]\n", "environment: imports Pulumi ESC environments")]
    [InlineData("foo: bar\n", "unknown key 'foo'; a stack file has config, secretsprovider, encryptedkey, encryptionsalt")]
    public void A_stack_file_key_the_gate_does_not_read_is_refused(string extra, string message)
    {
        var e = Refused(Project, "config:\n  demo:a: 1\n" + extra);
        Assert.Equal(3, e.Line);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("main: /etc\n", "main: '/etc' is not the program the gate plans")]
    [InlineData("main: infra/Evil/\n", "main: 'infra/Evil/' is not the program the gate plans")]
    [InlineData("runtime: nodejs\n", "runtime: expected dotnet")]
    [InlineData("runtime: [x]\n", "runtime: expected dotnet")]
    [InlineData("runtime:\n  name: dotnet\n  options:\n    binary: /tmp/evil\n", "runtime.options.binary: '/tmp/evil' is not a build output of infra/Enclave")]
    [InlineData("runtime:\n  name: dotnet\n  options:\n    binary: bin/../../Evil/evil\n", "is not a build output")]
    [InlineData("runtime:\n  name: dotnet\n  options:\n    buildTarget: x\n", "runtime.options: expected only binary")]
    [InlineData("plugins:\n  providers:\n    - name: oci\n      path: ./evil\n", "plugins: would make pulumi use local plugins")]
    [InlineData("backend:\n  url: s3://parentco-state\n", "backend: pins where the enclave's state is written")]
    [InlineData("colour: blue\n", "unknown key 'colour'")]
    public void A_project_file_that_would_deploy_something_else_is_refused(string yaml, string message)
    {
        var project = Project.Replace("runtime: dotnet\n", yaml.StartsWith("runtime", StringComparison.Ordinal) ? "" : "runtime: dotnet\n") + yaml;
        var e = Refused(project);
        Assert.False(e.Unreadable);
        Assert.StartsWith("Pulumi.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("main: infra/Enclave/\n")]
    [InlineData("main: ./infra/Enclave\n")]
    [InlineData("main: infra/Enclave/Enclave.csproj\n")]
    [InlineData("options:\n  refresh: always\n")]
    [InlineData("description: x\ntemplate:\n  description: y\n")]
    public void What_the_shipped_project_file_and_docs_use_still_loads(string yaml)
    {
        using var repo = new TempRepo(Project + yaml).Stack("dev", "secretsprovider: passphrase\nencryptionsalt: v1:x\nconfig:\n  demo:a: 1\n  oci:region: us-ashburn-1\n  oci:privateKeyPath: ~/.oci/key.pem\n  b: 2\n");
        var config = StackConfigFile.Load(repo.Root, "dev");
        Assert.Equal("2", config.Values["demo:b"]);
    }

    [Fact]
    public void The_binary_option_of_docs_deploy_md_still_loads()
    {
        using var repo = new TempRepo("name: demo\nruntime:\n  name: dotnet\n  options:\n    binary: bin/r2r/Enclave\nstackConfigDir: stacks\n").Stack("dev", "config: {}\n");
        Assert.Equal("demo", StackConfigFile.Load(repo.Root, "dev").Project);
    }

    [Fact]
    public void A_directory_named_like_a_stack_file_is_listed_and_refused_as_unreadable()
    {
        using var repo = new TempRepo(Project).Stack("dev", "config: {}\n");
        Directory.CreateDirectory(Path.Combine(repo.Root, "stacks", "Pulumi.staging.yaml"));

        Assert.Equal<string>(["dev", "staging"], StackConfigFile.ListStacks(repo.Root).ToArray());
        var e = Assert.Throws<StackConfigException>(() => StackConfigFile.Load(repo.Root, "staging"));
        Assert.True(e.Unreadable);
        Assert.Contains("is a directory", e.Message);
    }
}
