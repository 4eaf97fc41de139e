using System.Text.Json;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// Tells which format an input is from its first top-level keys, before it is read (nothing is consumed): each
/// supported format names itself early (<c>steps</c>, <c>deployment</c>, <c>checkpoint</c>, <c>manifest</c>,
/// <c>"kind": "enclave-plan"</c>, an engine event's <c>sequence</c>). Anything else is refused with one line that
/// names what the file is when it is a format people confuse with these (a Terraform plan, an enclave report, an
/// update plan…) and lists the formats the gate reads.
/// </summary>
internal static class FormatSniffer
{
    private const int MaxLook = 1 << 20;

    private const string Expected = "expected `pulumi preview --json` output (with \"steps\"), a `pulumi stack export` " +
        "({\"version\": 3, \"deployment\": …}), a checkpoint ({\"version\": 3, \"checkpoint\": …}), an engine event log " +
        "(`--event-log`, one {\"sequence\", \"timestamp\", …Event} per line) or an enclave plan ({\"kind\": \"enclave-plan\", …})";

    public static ArtifactKind Sniff(JsonSource source)
    {
        while (true)
        {
            // A syntax error found here is a real one (the reader waits for more bytes rather than guess).
            var reader = new Utf8JsonReader(source.Span, source.IsFinal, new JsonReaderState(source.Options));
            if (Scan(ref reader, source) is { } kind) return kind;
            if (source.Span.Length >= MaxLook && !source.IsFinal)
                // More follows, but not in the window: re-reading the window as if it were the whole file called a valid
                // file "truncated" (a 5 MB first key, 300k keys before "deployment").
                throw new ArtifactLoadException(source.Name, $"no top-level key in the first {Inputs.InputLimits.Describe(MaxLook)} names the format; " +
                    "a file pulumi writes names itself in its first keys (\"steps\", \"deployment\", \"checkpoint\", an event's \"sequence\"), " +
                    "as an enclave plan does (\"kind\": \"enclave-plan\")", jsonPath: "$");
            if (!source.ReadMore())
            {
                // Undecided within the window: the format readers' errors (syntax, or an unrecognised object) apply.
                var again = new Utf8JsonReader(source.Span, isFinalBlock: true, new JsonReaderState(source.Options));
                return Scan(ref again, source) ?? throw Unrecognised(source, []);
            }
        }
    }

    /// <summary>The format, or null when the look ran out of bytes before a decisive key.</summary>
    private static ArtifactKind? Scan(ref Utf8JsonReader r, JsonSource source)
    {
        if (!r.Read()) return null;
        if (r.TokenType == JsonTokenType.StartArray)
            throw new ArtifactLoadException(source.Name, "a JSON list at the top level; expected an object (`pulumi stack history --json` " +
                                                         "and `pulumi stack output --json` are not inputs: " + Expected + ")", jsonPath: "$");
        if (r.TokenType != JsonTokenType.StartObject)
            throw new ArtifactLoadException(source.Name, $"expected a JSON object at the top level; {Expected}", jsonPath: "$");
        var keys = new List<string>();
        string? kind = null;
        while (r.Read())
        {
            if (r.TokenType == JsonTokenType.EndObject && r.CurrentDepth == 0) throw Unrecognised(source, keys, kind);
            if (r.TokenType != JsonTokenType.PropertyName) return null;
            var key = Text(ref r, source);
            keys.Add(key);
            if (key.EndsWith("Event", StringComparison.Ordinal)) return ArtifactKind.EventLog;
            if (key is "AWSTemplateFormatVersion" or "terraform_version" or "format_version") throw Unrecognised(source, keys);
            switch (key.ToLowerInvariant())
            {
                case "steps": return ArtifactKind.Preview;
                case "checkpoint": return ArtifactKind.Checkpoint;
                case "deployment" or "manifest": return ArtifactKind.StackExport;
                case "resources": return keys.Contains("formatVersion") ? ArtifactKind.Plan : ArtifactKind.StackExport;
                case "sequence" or "timestamp": return ArtifactKind.EventLog;
                case "plan":
                    throw new ArtifactLoadException(source.Name, "update plans (`pulumi preview --save-plan`) are not supported; " +
                                                                 "use `pulumi preview --json` output or its `--event-log` file", jsonPath: "$");
                case "kind":
                    if (!r.Read()) return null;
                    if (r.TokenType != JsonTokenType.String) break;
                    kind = Text(ref r, source);
                    if (kind == Review.Plan.PlanDocument.Kind) return ArtifactKind.Plan;
                    continue;
            }
            if (!r.TrySkip()) return null;
        }
        return null;
    }

    /// <summary>A key or value as text; invalid UTF-8 or an escaped lone surrogate is unreadable input, as in the readers.</summary>
    private static string Text(ref Utf8JsonReader r, JsonSource source)
    {
        try { return r.GetString()!; }
        catch (InvalidOperationException) { throw new ArtifactLoadException(source.Name, JsonCursor.NotText, jsonPath: "$"); }
    }

    /// <summary>One line naming what the file seems to be (when it is something people mix up with an artifact).</summary>
    private static ArtifactLoadException Unrecognised(JsonSource source, List<string> keys, string? kind = null)
    {
        bool Has(string key) => keys.Contains(key, StringComparer.OrdinalIgnoreCase);
        var found =
            keys.Count == 0 ? "an empty JSON object; pulumi writes {} when the preview failed (check its exit code and errors)"
            : Has("terraform_version") || Has("format_version") ? "a Terraform plan or state (terraform show -json), not a Pulumi file"
            : Has("AWSTemplateFormatVersion") ? "a CloudFormation template, not a Pulumi file"
            : Has("runs") && (Has("$schema") || Has("version")) ? "a SARIF report (enclave check --format sarif), not an input"
            : kind == "enclave-diff" ? "an enclave diff report (enclave diff --format json), not an input"
            : Has("schemaVersion") && Has("rows") ? "an enclave access report (enclave access --format json), not an input"
            : Has("schemaVersion") && Has("gate") ? "an enclave check report (enclave check --format json), not an input"
            : Has("apiVersion") && kind is not null ? $"a Kubernetes-style manifest (kind {kind}), not a Pulumi file"
            : Has("events") ? "a Pulumi Cloud list of update events; save the `--event-log` file of the run instead"
            : kind is not null ? $"a document of kind \"{kind}\", not an enclave plan document (which has \"kind\": \"{Review.Plan.PlanDocument.Kind}\")"
            : null;
        if (keys.Count == 0) return new ArtifactLoadException(source.Name, found!, jsonPath: "$");
        var listed = string.Join(", ", keys.Take(5).Select(k => $"\"{k}\"")) + (keys.Count > 5 ? ", …" : "");
        return new ArtifactLoadException(source.Name,
            found is null ? $"unrecognised JSON (top-level keys {listed}); {Expected}" : $"this is {found}; {Expected}", jsonPath: "$");
    }
}
