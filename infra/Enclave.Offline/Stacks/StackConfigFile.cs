using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Enclave.Offline.Stacks;

/// <summary>
/// Reads <c>Pulumi.yaml</c> and <c>stacks/Pulumi.&lt;stack&gt;.yaml</c> the way the Pulumi CLI does before it starts a
/// program: keys namespaced, project defaults applied, declared types checked, required declared keys present.
/// </summary>
public static partial class StackConfigFile
{
    /// <summary>
    /// Pulumi's own rule for a stack name (<c>^[A-Za-z0-9_.-]{1,100}$</c>, Go's <c>$</c> being the end of the text):
    /// the gate must list exactly the stacks Pulumi can select, so one it cannot is refused, never skipped.
    /// </summary>
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex StackName();

    /// <summary>Is <paramref name="name"/> a name Pulumi takes for a stack?</summary>
    public static bool IsStackName(string name) => StackName().IsMatch(name);

    /// <summary>The config of <paramref name="stack"/>, or a <see cref="StackConfigException"/> naming file, line and what was expected.</summary>
    public static StackConfig Load(string repoRoot, string stack)
    {
        var project = ProjectFile.Load(repoRoot);
        var stackFile = StackFilePath(project, stack);
        // Path.Exists, not File.Exists: a directory or FIFO named like a stack file is that stack's unreadable config
        // (exit 3 from the opener), never "no such stack", and never silently left out of `check`.
        if (!StackName().IsMatch(stack) || !Path.Exists(Path.Combine(repoRoot, stackFile)))
        {
            var known = ListStacks(project);
            var list = known.IsEmpty ? "no stack files exist there" : $"known stacks: {string.Join(", ", known)}";
            throw new StackConfigException(stackFile, $"no such stack '{stack}'; {list}");
        }

        RepositoryFiles.RequireInside(repoRoot, Path.Combine(repoRoot, stackFile), stackFile);
        return Read(project, stack, YamlFile.Load(Path.Combine(repoRoot, stackFile), stackFile, Enclave.Policy.Inputs.InputKind.StackConfig));
    }

    /// <summary>The config of <paramref name="stack"/> from the text of its file (the fuzzers' way in): same checks, same errors.</summary>
    public static StackConfig Parse(ProjectFile project, string stack, string text) =>
        Read(project, stack, YamlFile.Parse(text, StackFilePath(project, stack), Enclave.Policy.Inputs.InputKind.StackConfig));

    private static StackConfig Read(ProjectFile project, string stack, YamlFile yaml)
    {
        var stackFile = yaml.DisplayPath;
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secrets = new SortedSet<string>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        FileKeys.CheckStackFile(yaml);

        if (YamlFile.Child(yaml.Root, "config") is { } configNode && !(configNode is YamlScalarNode s && YamlJson.IsNull(s)))
        {
            if (configNode is not YamlMappingNode config)
                throw yaml.Error(configNode, "config: expected a mapping of namespace:key to values");
            foreach (var (keyNode, valueNode) in config.Children)
            {
                var key = yaml.KeyText(keyNode);
                var fullKey = ProjectFile.NormalizeKey(project.Name, key)
                              ?? throw yaml.Error(keyNode, $"config key '{key}' is malformed; expected namespace:key");
                FileKeys.CheckConfigKey(yaml, project.Name, keyNode, key, fullKey);
                if (!nodes.TryAdd(fullKey, valueNode))
                    throw yaml.Error(keyNode, $"config key '{key}' is set twice (as {fullKey})");
                if (valueNode is YamlScalarNode scalar && YamlJson.IsPulumiNull(yaml, scalar))
                {
                    values[fullKey] = ""; // what Pulumi hands the program for a null
                    continue;
                }
                values[fullKey] = YamlJson.ToConfigString(yaml, valueNode, StackConfig.SecretPlaceholder, out var secret);
                if (secret) secrets.Add(fullKey);
            }
        }

        var problems = new List<StackConfigException>();
        var missing = new List<string>();
        foreach (var entry in project.Config.OrderBy(e => e.FullKey, StringComparer.Ordinal))
        {
            var shortKey = entry.FullKey.StartsWith(project.Name + ":", StringComparison.Ordinal)
                ? entry.FullKey[(project.Name.Length + 1)..] : entry.FullKey;
            if (!nodes.TryGetValue(entry.FullKey, out var node))
            {
                if (entry.DefaultValue is not null) values[entry.FullKey] = entry.DefaultValue;
                else if (entry.Type is not null) missing.Add(shortKey);
                continue;
            }
            if (entry.Secret && !secrets.Contains(entry.FullKey))
                problems.Add(yaml.Error(node, $"Stack '{stack}' with configuration key '{shortKey}' must be encrypted as it's secret " +
                                              $"(pulumi config set --secret {shortKey} …)"));
            if (entry.Type is { } type && !secrets.Contains(entry.FullKey) && !Matches(type, node, values[entry.FullKey]))
                problems.Add(yaml.Error(node, $"Stack '{stack}' with configuration key '{shortKey}' must be of type '{type}'"));
        }
        if (missing.Count > 0)
            problems.Insert(0, new StackConfigException(stackFile,
                $"Stack '{stack}' is missing configuration {(missing.Count == 1 ? "value" : "values")} " +
                $"{string.Join(", ", missing.Select(m => $"'{m}'"))} (declared without a default in {project.FileName})"));
        if (problems.Count == 1) throw problems[0];
        if (problems.Count > 1)
            // One line, as every error (a line break would reach the terminal as an escaped "\n").
            throw new StackConfigException(stackFile, $"{problems.Count} problems: " + string.Join("; ", problems.Select(p => p.Message)));

        return new StackConfig(project.Name, stack, stackFile,
            values.ToImmutableSortedDictionary(StringComparer.Ordinal), secrets.ToImmutableSortedSet(StringComparer.Ordinal));
    }

    /// <summary>The variable that caps the number of stack files (a plain count).</summary>
    public const string MaxStacksVariable = "ENCLAVE_MAX_STACKS";

    /// <summary>Stack files a repository may hold by default: far above any real project (ours has 3).</summary>
    public const long DefaultMaxStacks = 200;

    /// <summary>Stacks that have a config file (sorted).</summary>
    public static ImmutableArray<string> ListStacks(string repoRoot) => ListStacks(ProjectFile.Load(repoRoot));

    /// <summary>The stacks that have a config file, held to the declared inventory (<see cref="StackInventory"/>).</summary>
    public static ImmutableArray<string> ListDeclaredStacks(string repoRoot)
    {
        var project = ProjectFile.Load(repoRoot);
        return StackInventory.Hold(repoRoot, ListStacks(project), project);
    }

    private static ImmutableArray<string> ListStacks(ProjectFile project)
    {
        var dir = Path.Combine(project.Directory, project.StackConfigDir);
        if (!Directory.Exists(dir)) return [];
        var prefix = "Pulumi.";
        // Every entry, directories included: `check` with no stack judges each one, so a stack file replaced by a
        // directory is refused (exit 3) rather than skipped while the gate passes on the others. A name Pulumi would
        // not take (a Cyrillic look-alike, a zero-width character, a space) is refused too: listing it would print a
        // second "prod" that passes, skipping it would pass a file the reviewer saw changed.
        var stacks = ImmutableArray.CreateBuilder<string>();
        var limit = Enclave.Policy.Inputs.InputLimits.MaxCount(MaxStacksVariable, DefaultMaxStacks);
        foreach (var file in Directory.EnumerateFileSystemEntries(dir, $"Pulumi.*{project.Extension}").Select(Path.GetFileName))
        {
            // `check` plans every stack (about 0.4 s of CPU and a report section each): 5,000 copied stack files held a CI
            // job for half an hour and printed a 5,000-name summary. Counted while listing, so a million entries cost no more.
            if (stacks.Count >= limit)
                throw new StackConfigException(project.StackConfigDir.Length == 0 ? "." : project.StackConfigDir,
                    $"holds more than {limit} stack files (Pulumi.<stack>{project.Extension}); `check` plans every one, so a pull " +
                    $"request adding thousands would hold CI for hours; remove stacks, or set {MaxStacksVariable} to a larger whole number");
            if (file!.Length < prefix.Length + project.Extension.Length
                || !file.StartsWith(prefix, StringComparison.Ordinal) || !file.EndsWith(project.Extension, StringComparison.Ordinal)) continue;
            var stack = file[prefix.Length..^project.Extension.Length];
            if (!StackName().IsMatch(stack))
                throw new StackConfigException(StackFilePath(project, Enclave.Escaping.SafeText.Ascii(stack)),
                    "is named like a stack file, but Pulumi takes only stack names of 1 to 100 ASCII letters, digits, '_', '.' and '-'; rename or remove it");
            stacks.Add(stack);
        }
        stacks.Sort(StringComparer.Ordinal);
        return stacks.ToImmutable();
    }

    private static string StackFilePath(ProjectFile project, string stack)
    {
        var file = $"Pulumi.{stack}{project.Extension}";
        return project.StackConfigDir.Length == 0 ? file : $"{project.StackConfigDir.TrimEnd('/', '\\')}/{file}";
    }

    /// <summary>Does a stack value fit its declared type (the CLI's rule: scalars by their text, arrays by their items)?</summary>
    private static bool Matches(ConfigType type, YamlNode node, string value) => type.Name switch
    {
        "string" => node is YamlScalarNode,
        "integer" => node is YamlScalarNode && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "boolean" => node is YamlScalarNode && value is "true" or "false",
        "array" => node is YamlSequenceNode && JsonMatches(type, JsonDocument.Parse(value).RootElement),
        _ => false,
    };

    private static bool JsonMatches(ConfigType type, JsonElement e) => type.Name switch
    {
        "string" => e.ValueKind == JsonValueKind.String,
        "integer" => e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out _),
        "boolean" => e.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(i => JsonMatches(type.Items!, i)),
        _ => false,
    };
}
