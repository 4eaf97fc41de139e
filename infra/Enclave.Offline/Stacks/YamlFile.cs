using Enclave.Policy.Inputs;
using YamlDotNet.RepresentationModel;

namespace Enclave.Offline.Stacks;

/// <summary>Loads one YAML document with YamlDotNet and turns every failure into a <see cref="StackConfigException"/>
/// that names the file, line and column.</summary>
internal sealed class YamlFile
{
    private YamlFile(string displayPath, YamlMappingNode root)
    {
        DisplayPath = displayPath;
        Root = root;
    }

    /// <summary>The path shown in messages (relative to the repository root).</summary>
    public string DisplayPath { get; }
    public YamlMappingNode Root { get; }

    public static YamlFile Load(string path, string displayPath, InputKind kind)
    {
        string text;
        // The shared opener: a regular file only, at most the YAML size cap, strict UTF-8 or UTF-16 with a BOM.
        try { text = InputFile.ReadAllText(path, kind, display: displayPath); }
        catch (InputFileException e) { throw new StackConfigException(e); }
        if (text.Contains('\0'))
            throw new StackConfigException(new InputFileException(displayPath, $"binary content (NUL characters); expected {kind.Expected}"));

        // Parsed under the shared limits (depth, alias expansion, one document), each refusal naming its line.
        YamlNode? document;
        try { document = SafeYaml.Load(text); }
        catch (YamlInputException e)
        {
            throw new StackConfigException(displayPath, e.IsSyntax ? $"is not valid YAML: {e.Problem}" : e.Problem, (int)e.Line, (int)e.Column);
        }
        if (document is null)
            throw new StackConfigException(displayPath, "is empty; expected a YAML mapping");
        if (document is not YamlMappingNode root)
            throw new StackConfigException(displayPath, "expected a YAML mapping at the top level", (int)document.Start.Line, (int)document.Start.Column);
        return new YamlFile(displayPath, root);
    }

    public StackConfigException Error(YamlNode node, string message) =>
        new(DisplayPath, message, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The child of a mapping by key, or null.</summary>
    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    /// <summary>A scalar mapping key's text; anything else is an error.</summary>
    public string KeyText(YamlNode key) =>
        key is YamlScalarNode { Value: { } s } ? s : throw Error(key, "expected a plain text key");
}
