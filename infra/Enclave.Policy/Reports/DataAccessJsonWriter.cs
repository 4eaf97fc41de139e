using System.Text.Encodings.Web;
using System.Text.Json;

namespace Enclave.Policy.Reports;

/// <summary>
/// <c>enclave access --format json</c>: schema version 1, the stack, one object per <see cref="AccessRow"/> (camel-case
/// names of its members) and the evaluator's diagnostics. Streamed into the output as it is written: a large tenancy's
/// table runs to hundreds of megabytes, and building it as one string first held it twice more.
/// </summary>
public static class DataAccessJsonWriter
{
    public const int SchemaVersion = 1;

    public static void Write(DataAccessReport report, TextWriter output)
    {
        using var stream = new TextWriterStream(output);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("stack", report.Stack);
            w.WriteStartArray("rows");
            foreach (var r in report.Rows)
            {
                w.WriteStartObject();
                w.WriteString("urn", r.Urn);
                w.WriteString("resourceLabel", r.ResourceLabel);
                w.WriteString("iamType", r.IamType);
                w.WriteString("access", r.Access);
                w.WriteString("principal", r.Principal);
                w.WriteString("effect", r.Effect);
                w.WriteString("certainty", r.Certainty);
                w.WriteString("statement", r.Statement);
                w.WriteString("statementText", r.StatementText);
                w.WriteString("verdict", r.Verdict);
                w.WriteString("why", r.Why);
                w.WriteEndObject();
                TextWriterStream.FlushWhenFull(w);
            }
            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in report.Diagnostics) w.WriteStringValue(d);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine();
    }
}
