using System.Collections.Immutable;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.TestSupport.PulumiFiles;

namespace Enclave.Bench.Synthetic;

/// <summary>
/// Writes a synthetic enclave as the Pulumi CLI writes its files, for whole-process measurements of
/// <c>enclave check|access|diff</c>: a <c>pulumi stack export</c> (version 3), a <c>pulumi preview --json</c> and a
/// <c>--event-log</c> file. Each resource carries what a real deployment carries: a default-provider reference, the
/// stack as parent, dependencies and property dependencies for every input that names another resource, outputs
/// (the inputs plus the provider's computed fields: id, lifecycle state, creation time, Oracle's default tags),
/// creation timestamps, and secrets as ciphertext. Written streaming, so 200k resources need no large buffer.
/// </summary>
public static class PulumiFiles
{
    public const string Project = "us-data-enclave";

    /// <summary>What a real deployment's states carry besides the graph (the writers of Enclave.TestSupport write them).</summary>
    private static readonly StateFields Fields = new()
    {
        Secrets = SecretForm.Ciphertext("v1:Tm9uY2VOb25jZQ==:ZmFicmljYXRlZC1jaXBoZXJ0ZXh0LWZvci1iZW5jaA=="),
        Created = "2026-11-20T10:04:12.123456789Z",
        Modified = "2026-11-20T10:04:12.123456789Z",
        SourcePosition = "project:///infra/Enclave/Components/Workload.cs#42,9",
    };

    /// <summary>
    /// The synthetic resources, renamed into <paramref name="stack"/> and placed in that stack's tenancy (so a real
    /// stack config judges them as it would its own export: the enclave's compartments hang off the tenancy it
    /// names, not off a tenancy it has never heard of, which would leave every compartment's place unknown).
    /// </summary>
    public static ImmutableArray<ResourceNode> Resources(int count, string stack)
    {
        var tenancy = TenancyOf(stack);
        return [.. SyntheticEnclave.Resources(count).Select(n => n with
        {
            Urn = n.Urn.Replace("urn:pulumi:bench::", $"urn:pulumi:{stack}::", StringComparison.Ordinal)
                .Replace($"::{Project}-bench", $"::{Project}-{stack}", StringComparison.Ordinal),
            Inputs = tenancy is not null && n.Input("compartmentId").AsString() == SyntheticEnclave.Tenancy
                ? new MapValue(n.Inputs.Fields.SetItem("compartmentId", PropertyValue.Of(tenancy)))
                : n.Inputs,
        })];
    }

    /// <summary>
    /// A temp file holding the export of <paramref name="resources"/> synthetic resources for <paramref name="stack"/>,
    /// written on first use (named with the generator's version, so a file from an older generator is not reused).
    /// </summary>
    public static string ExportFile(int resources, string stack)
    {
        var file = Path.Combine(Path.GetTempPath(), $"enclave-bench-export-v3-{stack}-{resources}.json");
        if (File.Exists(file)) return file;
        using var stream = File.Create(file);
        WriteExport(Resources(resources, stack), stack, stream);
        return file;
    }

    /// <summary>
    /// The synthetic enclave's policy, in the tenancy that <see cref="Resources"/> places <paramref name="stack"/>'s
    /// files in: what the in-process benchmarks judge those files with.
    /// </summary>
    public static PolicyContext PolicyFor(string stack) =>
        SyntheticEnclave.Policy with { TenancyId = TenancyOf(stack) ?? SyntheticEnclave.Tenancy };

    /// <summary>The stack config's <c>oci:tenancyOcid</c>, when the repository has the stack.</summary>
    private static string? TenancyOf(string stack)
    {
        var file = Path.Combine(RepoRoot.Find(), "stacks", $"Pulumi.{stack}.yaml");
        if (!File.Exists(file)) return null;
        const string key = "oci:tenancyOcid:";
        return File.ReadLines(file).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim();
    }

    public static void WriteExport(IReadOnlyList<ResourceNode> nodes, string stack, Stream output)
    {
        var wiring = new EngineWiring(nodes, stack, Project);
        StackExportJson.Write(output, nodes.Select(wiring.Wire), new ExportForm { State = Fields });
    }

    /// <summary>A preview in which every resource stays the same except every 20th, which is updated (a tag changes).</summary>
    public static void WritePreview(IReadOnlyList<ResourceNode> nodes, string stack, Stream output)
    {
        var wiring = new EngineWiring(nodes, stack, Project);
        PreviewJson.Write(output, nodes.Select((n, i) =>
        {
            var before = wiring.Wire(n);
            if (i % 20 != 7) return new PreviewStep("same", before, before) { Provider = wiring.ProviderReference };
            var tagged = n with { Inputs = new MapValue(n.Inputs.Fields.SetItem("freeformTags", PropertyValue.Map(("change", PropertyValue.Of("yes"))))) };
            return new PreviewStep("update", before, wiring.Wire(tagged))
            {
                Provider = wiring.ProviderReference,
                DiffReasons = ["freeformTags"],
                DetailedDiff = [new("freeformTags.change", "add")],
            };
        }), [new("oci:region", "us-ashburn-1"), new($"{Project}:adminPassword", "[secret]")], Fields with { Secrets = SecretForm.Marker });
    }
}
