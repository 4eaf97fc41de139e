using System.Collections.Immutable;
using System.Text.Json;
using Enclave.Escaping;

namespace Enclave.Configuration.Reading;

/// <summary>
/// Reads typed values from an <see cref="IConfigSource"/>, recording a <see cref="ConfigProblem"/> for every missing
/// key or wrong type instead of throwing, so that one run reports everything wrong with a stack at once.
/// A value that could not be read comes back as null; callers skip checks that depend on it.
/// Every string is length-capped and every list item-capped here, whatever the key (a 1,000,000-character
/// e-mail address is refused before any check runs, and never echoed whole), and every problem is escaped
/// (<see cref="SafeText"/>): a stack config cannot put control characters, ANSI or bidi sequences or line
/// breaks into an error, under the CLI or under `pulumi up`.
/// </summary>
internal sealed class ConfigReader(IConfigSource source)
{
    /// <summary>Longest string any key may hold unless its reader says otherwise (OCIDs, names, addresses, CIDRs are far shorter).</summary>
    public const int MaxStringLength = 256;

    /// <summary>Most items any list may hold (the checks compare items pairwise).</summary>
    public const int MaxListItems = 500;

    private readonly List<ConfigProblem> _problems = [];

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public void Report(string key, string message) =>
        _problems.Add(new ConfigProblem(SafeText.Escape(key, SafeText.EchoLength), SafeText.Escape(message, 4 * SafeText.EchoLength)));

    public void Missing(string key, string what) =>
        Report(key, $"missing; expected {what}. Set it with: {ConfigKeys.SetCommand(key)}");

    public void WrongType(string key, string what, string got) => Report(key, $"expected {what}, got {got}");

    /// <summary>
    /// Reports every key of the project's namespace that the program does not read: a misspelt key would otherwise
    /// be silently ignored (e.g. <c>parentCompartmentOcdi</c> → the enclave lands in the root compartment).
    /// Other namespaces (<c>oci:</c>, <c>pulumi:</c>) belong to their providers.
    /// </summary>
    public void UnknownProjectKeys()
    {
        var prefix = ConfigKeys.Namespace + ":";
        var known = ConfigKeys.ProjectKeyNames;
        foreach (var key in source.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = key[prefix.Length..];
            if (known.Contains(name, StringComparer.Ordinal)) continue;
            var hint = Spelling.Closest(name, known) is { } near ? $"did you mean '{near}'? " : "";
            Report(key, $"unknown key {JsonValues.Quote(name)}; {hint}known keys: {string.Join(", ", known)}");
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/> is (or holds) a secret, reported: every key the program reads is an isolation
    /// setting (regions, CIDRs, groups, exclusions, federation, retention), and a secret one reaches the gate as a
    /// placeholder, so the stack would deploy a value no one judged. A field inside an object makes the whole key secret.
    /// </summary>
    private bool Secret(string key)
    {
        if (!source.SecretKeys.Contains(key)) return false;
        Report(key, $"is a secret (or holds one): every enclave setting decides who and what reaches the data, and the gate cannot read a secret; " +
                    $"set it in plain text ({ConfigKeys.SetCommand(key)}, without --secret)");
        return true;
    }

    /// <summary>A plain string key. Structured values (a list or an object) are a type error.</summary>
    public string? String(string key, string what, bool required = true, int maxLength = MaxStringLength)
    {
        var raw = source.Get(key);
        if (Secret(key)) return null;
        if (raw is null)
        {
            if (required) Missing(key, what);
            return null;
        }
        if (LooksStructured(raw, out var element))
        {
            WrongType(key, what, JsonValues.Describe(element));
            return null;
        }
        if (string.IsNullOrWhiteSpace(raw))
        {
            Report(key, $"is empty; expected {what}");
            return null;
        }
        return JsonValues.FitsLength(this, key, raw, maxLength) ? raw : null;
    }

    /// <summary>A list of strings (JSON array text in the engine's config).</summary>
    public ImmutableArray<string>? StringList(string key, string what, bool required = true)
    {
        var raw = source.Get(key);
        if (Secret(key)) return null;
        if (raw is null)
        {
            if (required) Missing(key, what);
            return null;
        }
        if (!TryParseJson(raw, out var element))
        {
            WrongType(key, what, JsonValues.Quote(raw));
            return null;
        }
        return JsonValues.ReadStringList(this, key, element, what);
    }

    /// <summary>An object with the given fields; unknown fields are reported (they are usually typos).</summary>
    public ConfigObject? Object(string key, string what, IReadOnlyList<string> fields, bool required = true)
    {
        var raw = source.Get(key);
        if (Secret(key)) return null;
        if (raw is null)
        {
            if (required) Missing(key, $"{what} with fields {string.Join(", ", fields)}");
            return null;
        }
        if (!TryParseJson(raw, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            var got = TryParseJson(raw, out var e) ? JsonValues.Describe(e) : JsonValues.Quote(raw);
            WrongType(key, $"{what} with fields {string.Join(", ", fields)}", got);
            return null;
        }
        return new ConfigObject(this, key, element, fields);
    }

    private static bool LooksStructured(string raw, out JsonElement element)
    {
        element = default;
        var t = raw.TrimStart();
        return t.Length > 0 && (t[0] == '[' || t[0] == '{') && TryParseJson(raw, out element) &&
               element.ValueKind is JsonValueKind.Array or JsonValueKind.Object;
    }

    private static bool TryParseJson(string raw, out JsonElement element)
    {
        try
        {
            using var doc = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 64 });
            element = doc.RootElement.Clone();
            return JsonValues.AllStringsReadable(element);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // ArgumentException: text that is not valid UTF-16 (an unpaired surrogate) cannot be JSON; as a plain
            // string it then fails the key's own checks, which report it escaped.
            element = default;
            return false;
        }
    }
}
