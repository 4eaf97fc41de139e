using YamlDotNet.RepresentationModel;

namespace Enclave.Offline.Stacks;

/// <summary>
/// Allow-lists for what a project or stack file may say. Pulumi ignores a config key no one reads and acts on file
/// keys the gate does not model, so either way what deploys could differ from what the gate judged: a value set
/// under a namespace that only looks like the project's (<c>US-DATA-ENCLAVE:</c>, a Cyrillic <c>а</c>) or an oci
/// setting the provider does not have (<c>oci:Region</c>) is silently ignored; <c>environment:</c> imports ESC values
/// the gate never sees; <c>main:</c>, <c>runtime.options.binary</c> or <c>plugins:</c> deploy another program or
/// provider than the one the gate plans. Each is refused (exit 2) naming file, line, and what is valid.
/// </summary>
internal static class FileKeys
{
    /// <summary>The program the offline planner runs, relative to the repository root.</summary>
    public const string ProgramFolder = "infra/Enclave";

    private static readonly string[] StackFields = ["config", "secretsprovider", "encryptedkey", "encryptionsalt"];
    private static readonly string[] ProjectFields = ["name", "runtime", "description", "main", "stackConfigDir", "config", "template", "options"];

    /// <summary>The settings of the oci provider (pulumi-oci's Config class); anything else under oci: is ignored by it.</summary>
    private static readonly string[] OciSettings =
    [
        "auth", "configFileProfile", "disableAutoRetries", "fingerprint", "ignoreDefinedTags", "privateKey", "privateKeyPassword",
        "privateKeyPath", "realmSpecificServiceEndpointTemplateEnabled", "region", "retryDurationSeconds", "tenancyOcid",
        "testTimeMaintenanceRebootDue", "userOcid",
    ];

    /// <summary>The top level of <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public static void CheckStackFile(YamlFile yaml)
    {
        foreach (var (keyNode, _) in yaml.Root.Children)
        {
            var key = yaml.KeyText(keyNode);
            if (key == "environment")
                throw yaml.Error(keyNode, "environment: imports Pulumi ESC environments, whose values reach the program but not the gate; " +
                                          "set each value under config: in this file instead");
            if (!StackFields.Contains(key))
                throw yaml.Error(keyNode, $"unknown key '{Shown(key)}'; a stack file has {string.Join(", ", StackFields)}");
        }
    }

    /// <summary>The top level of <c>Pulumi.yaml</c>: only what decides the program the gate plans, and nothing that swaps it.</summary>
    public static void CheckProjectFile(YamlFile yaml)
    {
        foreach (var (keyNode, value) in yaml.Root.Children)
        {
            var key = yaml.KeyText(keyNode);
            switch (key)
            {
                case "plugins" or "packages":
                    throw yaml.Error(keyNode, $"{key}: would make pulumi use local plugins or packages instead of the oci {Versions} " +
                                              "providers the gate judges for; remove it (docs/deploy.md installs the plugins)");
                case "backend":
                    throw yaml.Error(keyNode, "backend: pins where the enclave's state is written, which the gate cannot judge; " +
                                              "remove it and use `pulumi login` (docs/deploy.md)");
                case "main":
                    CheckMain(yaml, value);
                    break;
                case "runtime":
                    CheckRuntime(yaml, value);
                    break;
                case "options" when value is not YamlMappingNode { Children.Count: <= 1 } o || o.Children.Keys.Any(k => yaml.KeyText(k) != "refresh"):
                    throw yaml.Error(value, "options: expected only refresh");
                default:
                    if (!ProjectFields.Contains(key))
                        throw yaml.Error(keyNode, $"unknown key '{Shown(key)}'; a project file here has {string.Join(", ", ProjectFields)}");
                    break;
            }
        }
    }

    private const string Versions = "4.20.0 and random 4.21.1";

    private static void CheckMain(YamlFile yaml, YamlNode value)
    {
        var given = (value as YamlScalarNode)?.Value ?? "";
        var main = given.Replace('\\', '/').TrimEnd('/');
        if (main.StartsWith("./", StringComparison.Ordinal)) main = main[2..];
        if (main is not (ProgramFolder or ProgramFolder + "/Enclave.csproj"))
            throw yaml.Error(value, $"main: '{Shown(given)}' is not the program the gate plans; expected {ProgramFolder}/ (or {ProgramFolder}/Enclave.csproj)");
    }

    private static void CheckRuntime(YamlFile yaml, YamlNode value)
    {
        var (name, options) = value switch
        {
            YamlScalarNode s => (s.Value, null),
            YamlMappingNode map => ((YamlFile.Child(map, "name") as YamlScalarNode)?.Value, YamlFile.Child(map, "options")),
            _ => (null, null),
        };
        if (name != "dotnet") throw yaml.Error(value, $"runtime: expected dotnet (the language of {ProgramFolder}), or {{name: dotnet, options: {{binary: bin/…}}}}");
        if (value is YamlMappingNode rt && rt.Children.Keys.Select(yaml.KeyText).FirstOrDefault(k => k is not ("name" or "options")) is { } extra)
            throw yaml.Error(value, $"runtime: unknown key '{Shown(extra)}'; expected name and options");
        if (options is null) return;
        if (options is not YamlMappingNode opts || opts.Children.Keys.Select(yaml.KeyText).FirstOrDefault(k => k != "binary") is { } other)
            throw yaml.Error(options, "runtime.options: expected only binary (a build of the program the gate plans)");
        var binary = (YamlFile.Child(opts, "binary") as YamlScalarNode)?.Value?.Replace('\\', '/') ?? "";
        if (!binary.StartsWith("bin/", StringComparison.Ordinal) || binary.Split('/').Contains(".."))
            throw yaml.Error(options, $"runtime.options.binary: '{Shown(binary)}' is not a build output of {ProgramFolder}; expected a path under bin/ " +
                                      "(relative to it, no ..), e.g. bin/r2r/Enclave");
    }

    /// <summary>A config key of either file (after namespace normalisation): ASCII, and a namespace someone reads.</summary>
    public static void CheckConfigKey(YamlFile yaml, string project, YamlNode keyNode, string key, string fullKey)
    {
        if (key.Any(c => c is <= ' ' or > '~'))
            throw yaml.Error(keyNode, $"config key '{Shown(key)}' holds a space, a control or a non-ASCII character (a look-alike of another key?); " +
                                      "config keys are ASCII namespace:key names");
        var colon = fullKey.IndexOf(':');
        var (ns, name) = (fullKey[..colon], fullKey[(colon + 1)..]);
        if (ns == project) return; // the program's own keys: its config reader refuses unknown ones
        if (ns == "oci")
        {
            if (OciSettings.Contains(name)) return;
            var like = OciSettings.FirstOrDefault(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
            throw yaml.Error(keyNode, $"config key '{key}': the oci provider has no setting '{name}' and would ignore it" +
                                      (like is null ? "" : $" (did you mean oci:{like}?)") + $"; its settings: {string.Join(", ", OciSettings)}");
        }
        var hint = ns.Equals(project, StringComparison.OrdinalIgnoreCase) ? $" (namespaces are case-sensitive: {project})"
            : ns.Equals("oci", StringComparison.OrdinalIgnoreCase) ? " (namespaces are case-sensitive: oci)" : "";
        throw yaml.Error(keyNode, $"config key '{key}': namespace '{ns}' is read by neither the program nor a provider it uses, " +
                                  $"so pulumi would ignore the value{hint}; expected {project}:KEY (or KEY) or oci:SETTING");
    }

    /// <summary>Text with every non-ASCII or invisible character as \uXXXX, so a look-alike shows its difference.</summary>
    private static string Shown(string text) => Enclave.Escaping.SafeText.Ascii(text);
}
