using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Enclave.Offline.Stacks;

/// <summary>A declared type of project config (<c>string | boolean | integer | array</c>, arrays with <c>items</c>).</summary>
public sealed record ConfigType(string Name, ConfigType? Items)
{
    public override string ToString() => Items is null ? Name : $"{Name}<{Items}>";
}

/// <summary>One entry of Pulumi.yaml's <c>config:</c> block: a typed declaration or a plain value.</summary>
public sealed record ProjectConfigEntry(string FullKey, ConfigType? Type, bool Secret, string? DefaultValue);

/// <summary>The parts of <c>Pulumi.yaml</c> that decide what a stack's config is.</summary>
public sealed record ProjectFile(
    string Name,
    string Directory,
    string FileName,
    string Extension,
    string StackConfigDir,
    ImmutableArray<ProjectConfigEntry> Config)
{
    private static readonly string[] DeclarationFields = ["type", "description", "items", "default", "value", "secret"];
    private static readonly string[] ScalarTypes = ["string", "boolean", "integer"];

    /// <summary>Reads <c>Pulumi.yaml</c> (or <c>Pulumi.yml</c>) at <paramref name="repoRoot"/>, the file Pulumi would read there.</summary>
    public static ProjectFile Load(string repoRoot)
    {
        // The file Pulumi itself would read there (a Pulumi.json out-ranks Pulumi.yaml and is refused).
        var fileName = ProjectFileLookup.Require(repoRoot);
        var extension = Path.GetExtension(fileName);
        RepositoryFiles.RequireInside(repoRoot, Path.Combine(repoRoot, fileName), fileName);
        return Read(YamlFile.Load(Path.Combine(repoRoot, fileName), fileName, Enclave.Policy.Inputs.InputKind.Project), repoRoot, extension);
    }

    /// <summary>A project file from its text (<paramref name="extension"/> <c>.yaml</c> or <c>.yml</c>), as if it sat at <paramref name="repoRoot"/>.</summary>
    public static ProjectFile Parse(string text, string repoRoot = ".", string extension = ".yaml") =>
        Read(YamlFile.Parse(text, "Pulumi" + extension, Enclave.Policy.Inputs.InputKind.Project), repoRoot, extension);

    private static ProjectFile Read(YamlFile yaml, string repoRoot, string extension)
    {
        var fileName = yaml.DisplayPath;
        FileKeys.CheckProjectFile(yaml);
        var name = YamlFile.Child(yaml.Root, "name") is YamlScalarNode { Value: { Length: > 0 } n } ? n
            : throw new StackConfigException(fileName, "has no project 'name'; expected e.g. name: us-data-enclave");
        var stackDir = YamlFile.Child(yaml.Root, "stackConfigDir") switch
        {
            null => "",
            YamlScalarNode { Value: { } d } => d,
            var other => throw yaml.Error(other, "stackConfigDir: expected a folder path"),
        };
        if (RepositoryFiles.FolderProblem(stackDir) is { } problem)
            throw yaml.Error(YamlFile.Child(yaml.Root, "stackConfigDir")!, $"stackConfigDir {problem}; stack configs are judged where a reviewer " +
                                                                          "sees them: give a folder inside the repository (e.g. stacks)");

        var entries = ImmutableArray.CreateBuilder<ProjectConfigEntry>();
        if (YamlFile.Child(yaml.Root, "config") is { } configNode && !(configNode is YamlScalarNode s && YamlJson.IsNull(s)))
        {
            if (configNode is not YamlMappingNode config) throw yaml.Error(configNode, "config: expected a mapping of keys to declarations or values");
            foreach (var (keyNode, value) in config.Children)
                entries.Add(ReadEntry(yaml, name, yaml.KeyText(keyNode), keyNode, value));
        }
        return new ProjectFile(name, repoRoot, fileName, extension, stackDir, entries.ToImmutable());
    }

    /// <summary><c>key</c> → <c>project:key</c>; <c>ns:key</c> stays; the legacy <c>ns:config:key</c> → <c>ns:key</c>.</summary>
    public static string? NormalizeKey(string project, string key)
    {
        var parts = key.Split(':');
        return parts switch
        {
            [var k] when k.Length > 0 => $"{project}:{k}",
            [var ns, var k] when ns.Length > 0 && k.Length > 0 => $"{ns}:{k}",
            [var ns, "config", var k] when ns.Length > 0 && k.Length > 0 => $"{ns}:{k}",
            _ => null,
        };
    }

    private static ProjectConfigEntry ReadEntry(YamlFile yaml, string project, string key, YamlNode keyNode, YamlNode value)
    {
        var fullKey = NormalizeKey(project, key) ?? throw yaml.Error(keyNode, $"config key '{key}' is malformed; expected key or namespace:key");
        FileKeys.CheckConfigKey(yaml, project, keyNode, key, fullKey);
        if (value is not YamlMappingNode decl)
        {
            // A plain value (allowed for any namespace).
            return new ProjectConfigEntry(fullKey, null, false, YamlJson.ToConfigString(yaml, value, "", out _));
        }
        foreach (var (fieldNode, _) in decl.Children)
        {
            var field = yaml.KeyText(fieldNode);
            if (!DeclarationFields.Contains(field))
                throw yaml.Error(fieldNode, $"config.{key}: unknown field '{field}'; a declaration has {string.Join(", ", DeclarationFields)} " +
                                            "(an object value needs a 'value:' wrapper)");
        }
        var type = YamlFile.Child(decl, "type") is { } t ? ReadType(yaml, key, t, decl) : null;
        if (type is not null && !fullKey.StartsWith(project + ":", StringComparison.Ordinal))
            throw yaml.Error(keyNode, $"config.{key}: only the project's own keys may declare a type; give '{key}' a plain value");
        var secret = YamlFile.Child(decl, "secret") is { } secretNode && Bool(yaml, key, secretNode);
        // Every key the program reads is an isolation setting: declared secret, each stack must encrypt it, and the
        // gate would judge a placeholder while the program deploys the plaintext.
        if (secret && Enclave.Configuration.ConfigKeys.All.Contains(fullKey, StringComparer.Ordinal))
            throw yaml.Error(YamlFile.Child(decl, "secret")!, $"config.{key}: secret: true would hide an isolation setting from the gate " +
                                                              "(it decides who and what reaches the data); remove it, enclave settings are never secret");
        var source = YamlFile.Child(decl, "default") ?? YamlFile.Child(decl, "value");
        var defaultValue = source is null ? null : YamlJson.ToConfigString(yaml, source, "", out _);
        return new ProjectConfigEntry(fullKey, type, secret, defaultValue);
    }

    /// <summary>
    /// A declaration's boolean as Pulumi reads it (YAML 1.2 core: true, True, TRUE, false, False, FALSE); anything else
    /// (yes, on, "true" quoted) Pulumi's project schema refuses, so the gate refuses it rather than guess.
    /// </summary>
    private static bool Bool(YamlFile yaml, string key, YamlNode node) => node switch
    {
        YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted), Value: "true" or "True" or "TRUE" } => true,
        YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted), Value: "false" or "False" or "FALSE" } => false,
        _ => throw yaml.Error(node, $"config.{key}.secret: expected true or false"),
    };

    private static ConfigType ReadType(YamlFile yaml, string key, YamlNode typeNode, YamlMappingNode decl)
    {
        var name = typeNode is YamlScalarNode { Value: { } n } ? n : "";
        if (ScalarTypes.Contains(name)) return new ConfigType(name, null);
        if (name != "array")
            throw yaml.Error(typeNode, $"config.{key}.type: '{name}' is not a config type; use string, boolean, integer or array");
        if (YamlFile.Child(decl, "items") is not YamlMappingNode items || YamlFile.Child(items, "type") is not { } itemType)
            throw yaml.Error(decl, $"config.{key}: an array declaration needs items: {{type: …}}");
        return new ConfigType("array", ReadType(yaml, key + ".items", itemType, items));
    }
}
