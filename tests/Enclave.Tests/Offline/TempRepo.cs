namespace Enclave.Tests.Offline;

/// <summary>A throwaway project folder with a Pulumi.yaml and stack files, deleted on dispose.</summary>
internal sealed class TempRepo : IDisposable
{
    public const string DefaultProject = """
        name: demo
        runtime: dotnet
        stackConfigDir: stacks
        config:
          region:
            type: string
          zones:
            type: array
            items:
              type: string
            default: [a, b]
          replicas:
            type: integer
            default: 3
          debug:
            type: boolean
            default: false
          oci:region: us-ashburn-1
        """;

    public TempRepo(string project = DefaultProject)
    {
        Root = Directory.CreateTempSubdirectory("enclave-stack-test-").FullName;
        File.WriteAllText(Path.Combine(Root, "Pulumi.yaml"), project);
        Directory.CreateDirectory(Path.Combine(Root, "stacks"));
    }

    public string Root { get; }

    public TempRepo Stack(string name, string yaml)
    {
        File.WriteAllText(Path.Combine(Root, "stacks", $"Pulumi.{name}.yaml"), yaml);
        return this;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
