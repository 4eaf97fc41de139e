using Enclave.Bench.Synthetic;

namespace Enclave.Bench;

/// <summary>`write export|export-head|preview N STACK FILE`: a synthetic enclave of N resources as a Pulumi file.</summary>
internal static class PulumiFileCommand
{
    public static void Write(string kind, int size, string stack, string path)
    {
        var nodes = PulumiFiles.Resources(size, stack);
        using var file = File.Create(path);
        switch (kind)
        {
            case "export": PulumiFiles.WriteExport(nodes, stack, file); break;
            // The same export after a change of about 5% (DiffBenchmarks.Change): the HEAD side of a whole-process diff.
            case "export-head": nodes = DiffBenchmarks.Change(nodes); PulumiFiles.WriteExport(nodes, stack, file); break;
            case "preview": PulumiFiles.WritePreview(nodes, stack, file); break;
            default: throw new ArgumentException($"unknown kind {kind}; expected export, export-head or preview");
        }
        Console.WriteLine($"{path}: {kind} of {nodes.Length} resources, {file.Length / 1e6:F1} MB");
    }
}
