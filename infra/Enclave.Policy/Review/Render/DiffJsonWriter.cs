using System.Text.Json;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Render;

/// <summary>
/// The diff as a versioned <c>enclave-diff</c> JSON document (never truncated): the counts, the rule impacts, and
/// every change in review order with its section, property paths and before/after values in the
/// <see cref="ValueJson"/> encoding (secrets as markers).
/// </summary>
public static class DiffJsonWriter
{
    public const int FormatVersion = 1;
    public const string Kind = "enclave-diff";

    public static string Write(ReviewDiff diff) => ReviewJson.Build(w => Write(w, diff));

    /// <summary>The same document streamed into <paramref name="output"/>.</summary>
    public static void Write(ReviewDiff diff, TextWriter output) => ReviewJson.WriteTo(output, w => Write(w, diff));

    public static void Write(Utf8JsonWriter w, ReviewDiff diff)
    {
        w.WriteStartObject();
        w.WriteNumber("formatVersion", FormatVersion);
        w.WriteString("kind", Kind);
        w.WriteString("stack", diff.Stack);
        w.WriteString("project", diff.Project);
        w.WriteString("base", diff.Base);
        w.WriteString("head", diff.Head);
        w.WriteBoolean("hasChanges", diff.HasChanges);
        w.WriteStartObject("counts");
        foreach (var op in new[] { ChangeOp.Create, ChangeOp.Update, ChangeOp.Replace, ChangeOp.Delete })
            w.WriteNumber(DiffWords.Name(op), diff.Count(op));
        w.WriteNumber("unchanged", diff.Unchanged);
        w.WriteEndObject();
        w.WriteBoolean("policyCompared", diff.PolicyCompared);
        w.WriteStartArray("notes");
        foreach (var n in diff.Notes) w.WriteStringValue(n);
        w.WriteEndArray();

        w.WriteStartArray("ruleImpacts");
        foreach (var i in diff.Impacts)
        {
            w.WriteStartObject();
            w.WriteString("kind", DiffWords.ImpactId(i.Kind));
            w.WriteString("ruleId", i.RuleId);
            w.WriteString("title", i.Title);
            w.WriteString("severity", DiffWords.Severity(i.Severity));
            w.WriteString("enforcement", DiffWords.Enforcement(i.Enforcement));
            w.WriteString("urn", i.Urn);
            w.WriteStartArray("messages");
            foreach (var m in i.Messages) w.WriteStringValue(m);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("changes");
        foreach (var section in ReviewLayout.Build(diff))
            foreach (var item in section.Items)
                if (item.Change is { } c && !item.ShownAbove)
                {
                    WriteChange(w, c, section.Kind, item);
                    Reports.TextWriterStream.FlushWhenFull(w);
                }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter w, ResourceChange c, SectionKind section, ReviewItem item)
    {
        w.WriteStartObject();
        w.WriteString("section", DiffWords.SectionId(section));
        w.WriteString("op", DiffWords.Name(c.Op));
        w.WriteString("urn", c.Urn);
        w.WriteString("type", c.Type);
        w.WriteString("name", c.Name);
        w.WriteBoolean("protected", c.Protected);
        w.WriteBoolean("dataBearing", c.DataBearing);
        if (c.Note is null) w.WriteNull("note"); else w.WriteString("note", c.Note);
        w.WriteStartArray("ruleIds");
        foreach (var id in item.Impacts.Select(i => i.RuleId).Distinct()) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteStartArray("properties");
        foreach (var p in c.Properties)
        {
            w.WriteStartObject();
            w.WriteString("path", p.Path);
            w.WriteString("kind", p.Before is null ? "add" : p.After is null ? "delete" : "update");
            w.WriteBoolean("forcesReplacement", p.ForcesReplacement);
            if (p.Note is not null) w.WriteString("note", p.Note);
            if (p.Before is not null) { w.WritePropertyName("before"); ValueJson.Write(w, p.Before); }
            if (p.After is not null) { w.WritePropertyName("after"); ValueJson.Write(w, p.After); }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
