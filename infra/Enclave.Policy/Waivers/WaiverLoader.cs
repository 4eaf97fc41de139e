using System.Globalization;
using System.Text.RegularExpressions;
using Enclave.Policy.Inputs;
using Enclave.Policy.Rules;
using YamlDotNet.RepresentationModel;

namespace Enclave.Policy.Waivers;

/// <summary>
/// Reads a waiver file:
/// <code>
/// waivers:
///   - rule: ENC-NET-004            # one rule id (no wildcards)
///     urn: "urn:pulumi:prod::*::oci:Core/natGateway:NatGateway::*"   # glob over URNs
///     reason: "Patch mirror until 2026-03; ticket SEC-142"           # required
///     expires: 2026-03-31          # required, yyyy-MM-dd, inclusive, at most 90 days ahead
///     matches: many                # optional (one|many): required when the glob matches several resources
///     critical: true               # required, with approver, to waive a critical mandatory rule
///     approver: "Jane Doe (US data security)"
/// </code>
/// A bare list (without <c>waivers:</c>) is accepted too. Any mistake is a <see cref="WaiverFileException"/> naming the
/// line, the key and what is valid; the rules a waiver must keep are <see cref="WaiverLimits"/>.
/// </summary>
public static partial class WaiverLoader
{
    private static readonly string[] Keys = ["rule", "urn", "reason", "expires", "matches", "critical", "approver"];

    [GeneratedRegex(@"^[A-Za-z0-9\-]+$")]
    private static partial Regex RulePattern();

    /// <param name="limits">Lifetime limits judged against today; null only where no date is known (tests of the format).</param>
    public static WaiverSet Load(string path, WaiverLimits? limits = null)
    {
        string text;
        // The shared opener: a regular file or '-', at most the YAML size cap, strict UTF-8 (random bytes are not
        // silently turned into U+FFFD and parsed). Any of that failing is unreadable input (exit 3), not bad waivers.
        try { text = InputFile.ReadAllText(path, InputKind.Waivers); }
        catch (InputFileException e) { throw new WaiverFileException(e.Path, e.Problem, unreadable: true); }
        return Parse(text, path, limits);
    }

    public static WaiverSet Parse(string yaml, string source, WaiverLimits? limits = null)
    {
        // Binary content is unreadable input (exit 3 like a binary JSON file), not a waiver file with mistakes in it.
        if (yaml.IndexOf('\0') >= 0) throw new WaiverFileException(source, "binary content (NUL bytes); expected a YAML waiver file", unreadable: true);
        // Parsed under the shared limits (depth, alias expansion, one document), each refusal naming its line.
        YamlNode? root;
        try { root = SafeYaml.Load(yaml, CountLimits()); }
        catch (YamlInputException e) when (e.IsSyntax && yaml.TrimStart().StartsWith('{'))
        {
            // JSON that is not one YAML document: an engine event log (one object per line), say, given as waivers.
            throw new WaiverFileException(source, "this is JSON (an engine event log or another artifact), not a waiver file; " +
                                                  "expected `waivers:` followed by a list of {rule, urn, reason, expires}", unreadable: true);
        }
        catch (YamlInputException e) { throw new WaiverFileException(source, e.IsSyntax ? $"invalid YAML: {e.Problem}" : e.Problem, e.Line); }
        if (root is null) return new WaiverSet([], source);
        var list = root switch
        {
            YamlSequenceNode s => s,
            YamlMappingNode m when m.Children.Count == 1 && m.Children.TryGetValue(new YamlScalarNode("waivers"), out var w) =>
                w as YamlSequenceNode ?? (w is YamlScalarNode { Value: null or "" } ? new YamlSequenceNode() :
                    throw new WaiverFileException(source, "\"waivers\" must be a list of {rule, urn, reason, expires}", w.Start.Line)),
            YamlScalarNode { Value: null or "" } => new YamlSequenceNode(),
            // Another kind of file (a stack config, an artifact: JSON is YAML too) is unreadable as waivers, exit 3
            // like any input of the wrong format; a mapping that is no known file is a waiver file with mistakes.
            _ => throw (OtherFile(root) is { } other
                ? new WaiverFileException(source, $"this is {other}, not a waiver file; expected `waivers:` followed by a list of {{rule, urn, reason, expires}}", unreadable: true)
                : new WaiverFileException(source, "expected `waivers:` followed by a list of {rule, urn, reason, expires}", root.Start.Line)),
        };
        var waivers = list.Children.Select(item => Read(item, source, limits)).ToList();
        // Each glob with a wildcard is tried against every failing finding of its rule and every resource (an exact URN
        // is one lookup): thousands of them made one check of a large state run for minutes.
        if (waivers.Where(w => UrnGlob.HasWildcard(w.UrnPattern)).Skip(UrnGlob.MaxWildcardWaivers).FirstOrDefault() is { } over)
            throw new WaiverFileException(source, $"more than {UrnGlob.MaxWildcardWaivers} waivers have a URN glob with '*' or '?'; " +
                                                  "name the resources' URNs exactly, or cover them with fewer globs", over.Line);
        return new WaiverSet(waivers, source);
    }

    /// <summary>Environment variable raising <see cref="DefaultMaxWaivers"/>.</summary>
    public const string MaxWaiversVariable = "ENCLAVE_MAX_WAIVERS";

    /// <summary>Most waivers one file may hold (far above any real waiver file; each one is work in every check).</summary>
    public const long DefaultMaxWaivers = 10_000;

    /// <summary>The waiver count in force: <see cref="MaxWaiversVariable"/> when set, else <see cref="DefaultMaxWaivers"/>.</summary>
    public static long MaxWaivers => InputLimits.MaxCount(MaxWaiversVariable, DefaultMaxWaivers);

    /// <summary>
    /// The YAML limits of a waiver file: the count of waivers (the items of any list) and of all its values are
    /// enforced while it is parsed, so a file of 100k waivers (under a raised size cap) stops at the first one over
    /// instead of being built whole and then judged. A waiver is at most 15 nodes (its mapping, 7 keys, 7 values).
    /// </summary>
    private static YamlLimits CountLimits()
    {
        var max = MaxWaivers;
        return YamlLimits.Default with
        {
            MaxListItems = max,
            MaxNodes = max > long.MaxValue / 16 - 16 ? long.MaxValue : max * 16 + 16,
            CountMeaning = $"a waiver file holds at most {max} waivers; {MaxWaiversVariable} raises the limit",
        };
    }

    /// <summary>What the file is when it is one of the others a waiver flag gets by mistake (JSON is YAML too).</summary>
    private static string? OtherFile(YamlNode root)
    {
        if (root is not YamlMappingNode map) return null;
        bool Has(string key) => map.Children.ContainsKey(new YamlScalarNode(key));
        // Artifacts first: a preview has a "config" key too.
        return Has("steps") ? "`pulumi preview --json` output"
            : Has("deployment") || Has("checkpoint") ? "a `pulumi stack export` or checkpoint"
            : Has("sequence") || Has("timestamp") ? "an engine event log (`--event-log`)"
            : Has("kind") && Has("resources") ? "an enclave plan (`enclave plan --format json`)"
            : Has("runtime") && Has("name") ? "a Pulumi.yaml project file"
            : Has("config") || Has("secretsprovider") || Has("encryptionsalt") ? "a stack config (Pulumi.<stack>.yaml)"
            : null;
    }

    private static Waiver Read(YamlNode item, string source, WaiverLimits? limits)
    {
        var line = (int)item.Start.Line;
        if (item is not YamlMappingNode map)
            throw new WaiverFileException(source, "each waiver must be a mapping with rule, urn, reason and expires", line);
        var fields = new Dictionary<string, YamlScalarNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key))
                throw new WaiverFileException(source, $"unknown key \"{key}\"; a waiver has rule, urn, reason, expires and optionally matches, critical, approver", k.Start.Line);
            if (v is not YamlScalarNode scalar)
                throw new WaiverFileException(source, $"\"{key}\" must be a single value", v.Start.Line);
            WaiverScalars.Visible(key, scalar, source);
            fields[key] = scalar;
        }
        string Required(string key, string what) =>
            fields.TryGetValue(key, out var n) && !string.IsNullOrWhiteSpace(n.Value) ? n.Value.Trim()
                : throw new WaiverFileException(source, $"waiver without \"{key}\" ({what})", fields.TryGetValue(key, out var m) ? m.Start.Line : line);

        var rule = Required("rule", "one rule id such as ENC-NET-004");
        if (rule.Contains('*') || rule.Contains('?'))
            throw new WaiverFileException(source, $"rule \"{rule}\": wildcards are not allowed; a waiver names exactly one rule id such as ENC-NET-004", fields["rule"].Start.Line);
        if (!RulePattern().IsMatch(rule))
            throw new WaiverFileException(source, $"rule \"{rule}\" is not a rule id (letters, digits and '-', such as ENC-NET-004)", fields["rule"].Start.Line);
        var info = WaiverScalars.Rule(rule, source, fields["rule"].Start.Line);
        var urn = Required("urn", "a URN or URN glob");
        if (urn.Length > UrnGlob.MaxLength)
            throw new WaiverFileException(source, $"urn is {urn.Length} characters long; a URN or URN glob has at most {UrnGlob.MaxLength}", fields["urn"].Start.Line);
        var reason = Required("reason", "why the risk is accepted; required");
        WaiverTerms.NotTooLong("reason", reason, source, fields["reason"].Start.Line);
        var expiresText = Required("expires", "a date, yyyy-MM-dd");
        if (!DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            throw new WaiverFileException(source, $"expires \"{expiresText}\" is not a date (yyyy-MM-dd)", fields["expires"].Start.Line);
        var terms = WaiverTerms.Read(fields, source, line, info, expires, limits);
        return new Waiver(info.Id, urn, reason, expires, source, line)
        {
            Critical = terms.Critical,
            Approver = terms.Approver,
            MatchesMany = terms.MatchesMany,
        };
    }
}
