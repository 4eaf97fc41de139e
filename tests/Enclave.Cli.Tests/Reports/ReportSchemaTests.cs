using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using Enclave.Cli.Tests.Check;
using Enclave.Cli.Tests.Escaping;
using Enclave.Cli.Tests.Inputs;
using Json.Schema;

namespace Enclave.Cli.Tests.Reports;

/// <summary>
/// Issue 12.5: every machine format is read by a real consumer's parser, with the schema that consumer uses: the
/// JUnit XML by .NET's XML parser against Jenkins' junit-10.xsd (from the bytes of the file, so the declared encoding
/// must match them: it used to say utf-16 over UTF-8 bytes), the SARIF by JsonSchema.Net against the official
/// SARIF 2.1.0 schema, the JSON report against its own documented schema (check-report.schema.json).
/// </summary>
public sealed class ReportSchemaTests : IDisposable
{
    private static readonly string SchemaDir = Path.Combine(AppContext.BaseDirectory, "Reports", "Schemas");
    private static readonly Lazy<JsonSchema> Sarif = new(() => LoadSarif());
    private static readonly Lazy<JsonSchema> CheckReport = new(() => Load("check-report.schema.json"));

    private readonly CheckHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>Reports with failures, undetermined and suppressed findings, and one full of hostile text.</summary>
    public static TheoryData<string> Scenarios => new() { "compliant", "violation", "waived", "hostile" };

    private async Task<string> Report(string scenario, string format)
    {
        var args = new List<string> { "check", "--format", format, "--output", Path.Combine(_h.Repo, $"report.{format}") };
        switch (scenario)
        {
            case "compliant": args.AddRange(["--preview-json", SpecialFiles.CheckFixture("compliant-preview.json")]); break;
            case "violation": args.AddRange(["--preview-json", SpecialFiles.CheckFixture("internet-gateway-preview.json")]); break;
            case "waived":
                args.AddRange(["--preview-json", SpecialFiles.CheckFixture("internet-gateway-preview.json"), "--waivers", _h.Write("waivers.yaml",
                    "- rule: ENC-NET-002\n  urn: \"urn:pulumi:dev::us-data-enclave::pulumi:pulumi:Stack$oci:Core/internetGateway:InternetGateway::igw\"\n" +
                    "  reason: \"Patch mirror until the SGW route lands (SEC-142)\"\n  critical: true\n  approver: \"J. Doe (US data security)\"\n  expires: 2026-07-01\n")]);
                break;
            default:
                _h.Source.Offline = _ => HostileGraph.Build();
                args.Add("dev");
                break;
        }
        var (code, _, stderr) = await _h.Run([.. args]);
        Assert.True(code is 0 or 1, stderr);
        return args[4];
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task JUnit_is_valid_against_the_junit_xsd_read_from_its_bytes(string scenario)
    {
        var file = await Report(scenario, "junit");
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.Schemas.Add(null, Path.Combine(SchemaDir, "junit-10.xsd"));
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        // From the file's bytes, as a CI plugin reads it: the parser goes by the declared encoding.
        using (var stream = File.OpenRead(file))
        using (var reader = XmlReader.Create(stream, settings))
            while (reader.Read()) { }
        Assert.Empty(problems);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", File.ReadAllText(file));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Sarif_is_valid_against_the_official_sarif_2_1_0_schema(string scenario) =>
        AssertValid(Sarif.Value, await Report(scenario, "sarif"));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_json_report_is_valid_against_its_documented_schema(string scenario) =>
        AssertValid(CheckReport.Value, await Report(scenario, "json"));

    [Fact]
    public void The_check_report_schema_rejects_what_it_should()
    {
        // The schema is not vacuous: a wrong status, a missing field or an extra field fails it.
        using var good = JsonDocument.Parse("""{"schemaVersion":1,"tool":{"name":"enclave","version":"1.0.0"},"gate":{"failOn":null,"softFail":false,"undetermined":"block","passed":true},"rules":[],"stacks":[]}""");
        Assert.True(CheckReport.Value.Evaluate(good.RootElement, Options).IsValid);
        foreach (var bad in new[]
        {
            """{"schemaVersion":2,"tool":{"name":"enclave","version":"1.0.0"},"gate":{"failOn":null,"softFail":false,"undetermined":"block","passed":true},"rules":[],"stacks":[]}""",
            """{"schemaVersion":1,"tool":{"name":"enclave","version":"1.0.0"},"gate":{"failOn":"severe","softFail":false,"undetermined":"block","passed":true},"rules":[],"stacks":[]}""",
            """{"schemaVersion":1,"tool":{"name":"enclave","version":"1.0.0"},"gate":{"softFail":false,"undetermined":"block","passed":true},"rules":[],"stacks":[]}""",
            """{"schemaVersion":1,"tool":{"name":"enclave","version":"1.0.0"},"gate":{"failOn":null,"softFail":false,"undetermined":"block","passed":true},"rules":[],"stacks":[],"extra":1}""",
        })
        {
            using var doc = JsonDocument.Parse(bad);
            Assert.False(CheckReport.Value.Evaluate(doc.RootElement, Options).IsValid, bad);
        }
    }

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static void AssertValid(JsonSchema schema, string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        var result = schema.Evaluate(doc.RootElement, Options);
        // Branches of an anyOf that another branch satisfied report errors too: show the others first.
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => (Branch: d.EvaluationPath.ToString().Contains("anyOf"), Text: $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")))
            .OrderBy(e => e.Branch).Select(e => e.Text).Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    private static JsonSchema Load(string name) => JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaDir, name)));

    /// <summary>
    /// The official schema as published, with its one known defect corrected in memory: <c>definitions.region</c>
    /// has its <c>anyOf</c> (a region needs startLine, charOffset or byteOffset, spec 3.30.2) inside
    /// <c>properties</c>, where a strict validator rejects it as "not a schema". Moved to where the spec puts it,
    /// which makes the schema stricter, not looser.
    /// </summary>
    private static JsonSchema LoadSarif()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaDir, "sarif-schema-2.1.0.json")))!;
        var region = root["definitions"]!["region"]!.AsObject();
        var properties = region["properties"]!.AsObject();
        var anyOf = properties["anyOf"]!;
        properties.Remove("anyOf");
        region["anyOf"] = anyOf;
        return JsonSchema.FromText(root.ToJsonString());
    }
}
