using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Enclave.Offline.Stacks;

/// <summary>
/// The stacks this repository deploys, declared in <c>enclave-stacks.yaml</c> beside Pulumi.yaml (<c>stacks: [dev,
/// staging, prod]</c>), and the stack folder held to it. Without it `enclave check` judged whatever stack files it
/// found: a PR that deleted or renamed <c>Pulumi.prod.yaml</c> (prod then deploys with Pulumi.yaml's defaults alone,
/// which dev and staging may override) passed on the stacks left. The inventory sits at a fixed path, not in
/// <c>stackConfigDir</c> (which Pulumi.yaml can move to an empty folder). Fail closed: no inventory, a declared stack
/// without its file, or a stack file not declared is a configuration error; retiring a stack is a reviewed edit of
/// the inventory, never a file that silently goes missing.
/// </summary>
public static class StackInventory
{
    public const string FileName = "enclave-stacks.yaml";

    /// <summary><paramref name="found"/> (the stack files, sorted) when they are exactly the declared stacks; else why not.</summary>
    /// <exception cref="StackConfigException">No inventory, an unreadable one, or a stack missing from either side.</exception>
    public static ImmutableArray<string> Hold(string repoRoot, ImmutableArray<string> found, ProjectFile project)
    {
        var path = Path.Combine(repoRoot, FileName);
        if (!Path.Exists(path))
            throw new StackConfigException(FileName, "is missing: the gate judges exactly the stacks this repository deploys, listed there " +
                                                     $"(e.g. stacks: [{string.Join(", ", found.IsEmpty ? ["prod"] : found)}])");
        RepositoryFiles.RequireInside(repoRoot, path, FileName);
        var declared = Read(YamlFile.Load(path, FileName, Enclave.Policy.Inputs.InputKind.Project));
        var folder = project.StackConfigDir.Length == 0 ? "" : project.StackConfigDir.TrimEnd('/', '\\') + "/";
        foreach (var (stack, node) in declared)
            if (!found.Contains(stack, StringComparer.Ordinal))
                throw new StackConfigException(FileName, $"declares stack '{stack}', but {folder}Pulumi.{stack}{project.Extension} is missing: a deployed stack never " +
                                                         "leaves the gate unseen; restore its file, or retire the stack here in a reviewed change",
                    (int)node.Start.Line, (int)node.Start.Column);
        var names = declared.Select(d => d.Stack).ToHashSet(StringComparer.Ordinal);
        foreach (var stack in found)
            if (!names.Contains(stack))
                throw new StackConfigException($"{folder}Pulumi.{stack}{project.Extension}",
                    $"stack '{stack}' is not declared in {FileName}; add it to its stacks list (the stacks this repository deploys) or remove the file");
        return found;
    }

    private static List<(string Stack, YamlNode Node)> Read(YamlFile yaml)
    {
        foreach (var (keyNode, _) in yaml.Root.Children)
            if (yaml.KeyText(keyNode) != "stacks")
                throw yaml.Error(keyNode, "unknown key; the inventory has only stacks: a list of stack names");
        if (YamlFile.Child(yaml.Root, "stacks") is not YamlSequenceNode { Children.Count: > 0 } list)
            throw new StackConfigException(yaml.DisplayPath, "expected stacks: a non-empty list of the stack names this repository deploys");
        // A hostile inventory may list ~200k names within the project-file size cap: the same cap as the stack files,
        // checked before anything per name, and duplicates found by a set, so the work stays linear and small.
        var limit = Enclave.Policy.Inputs.InputLimits.MaxCount(StackConfigFile.MaxStacksVariable, StackConfigFile.DefaultMaxStacks);
        if (list.Children.Count > limit)
            throw yaml.Error(list, $"lists {list.Children.Count} stacks; at most {limit} ({StackConfigFile.MaxStacksVariable})");
        var declared = new List<(string, YamlNode)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (item is not YamlScalarNode { Value: { } name } || !StackConfigFile.IsStackName(name))
                throw yaml.Error(item, "expected a stack name (1 to 100 ASCII letters, digits, '_', '.' and '-')");
            if (!seen.Add(name)) throw yaml.Error(item, $"stack '{name}' is listed twice");
            declared.Add((name, item));
        }
        return declared;
    }
}
