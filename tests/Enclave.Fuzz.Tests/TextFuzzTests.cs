using System.Text;
using CsCheck;
using Enclave.Configuration;
using Enclave.Policy.Iam;
using Enclave.Policy.Inputs;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// IAM policy statements (the parser returns errors, it never throws), config values as the engine hands them to
/// the program (the reader reports problems, it never throws), and the input opener fed arbitrary streams (only
/// <see cref="InputFileException"/>).
/// </summary>
[Trait("Category", "Fuzz")]
public class TextFuzzTests
{
    private static readonly string[] Statements =
    [
        "allow group enclave-gatekeepers to manage policies in tenancy",
        "allow group 'UsdsEnclave'/'usde-prod-auditors' to read objects in compartment id ocid1.compartment.oc1..aaaa where target.bucket.name = 'usde-prod-log-archive'",
        "allow group enclave-storage-admins to manage object-family in compartment usde-dev where all {request.permission != 'BUCKET_DELETE', request.permission != 'OBJECT_DELETE'}",
        "allow any-user to manage objects in compartment usde-dev where any {request.principal.type = 'serviceconnector', request.principal.compartment.id = 'ocid1.compartment.oc1..x'}",
        "define tenancy parent as ocid1.tenancy.oc1..parent",
        "endorse group admins to manage all-resources in tenancy parent",
        "admit group ops of tenancy parent to read all-resources in tenancy",
        "deny any-user to manage policies in tenancy where all {target.policy.type='deny', request.principal.id!='ocid1.user.oc1..x'}",
    ];

    [Fact]
    public void Iam_statements_parse_or_report_an_error() =>
        Fuzz.Run(Corpus.Mutated(Statements), 4000, text =>
        {
            var result = PolicyParser.Parse(text);
            Assert.True(result.IsSuccess || result.Error is not null, "a failed parse must say why");
        });

    /// <summary>Engine config strings: plain text, JSON of every shape, huge numbers, hostile characters.</summary>
    private static readonly Gen<Dictionary<string, string>> Configs = Gen.Select(
        Gen.OneOfConst([.. ConfigKeys.All, "us-data-enclave:bogus", "us-data-enclave:" + new string('k', 300)]),
        Gen.OneOf(Corpus.Mutated(
            "us-ashburn-1", "ocid1.tenancy.oc1..aaaaaaaaexampledevtenancy0000", "[\"us-ashburn-1\",\"us-phoenix-1\"]",
            "{\"vcnCidr\":\"10.10.0.0/16\",\"dataSubnetCidr\":\"10.10.1.0/24\",\"appSubnetCidr\":\"10.10.2.0/24\",\"adminSubnetCidr\":\"10.10.3.0/24\",\"serviceGateway\":\"object-storage\",\"onPremCidrs\":[\"172.16.0.0/20\"]}",
            "{\"gatekeeper\":\"g\",\"operator\":\"o\",\"auditor\":\"a\",\"storageAdmin\":\"s\"}",
            "{\"dbName\":\"db\",\"workload\":\"OLTP\",\"computeCount\":2,\"storageTbs\":1,\"backupRetentionDays\":7}",
            "{\"logRetentionDays\":90,\"archiveRetentionDays\":365}", "{\"type\":\"VIRTUAL_PRIVATE\",\"keyRotationDays\":90}",
            "{\"tenancyOcids\":[\"ocid1.tenancy.oc1..p\"],\"cidrs\":[\"203.0.113.0/24\"]}", "[\"gatekeepers@usdata.example\"]"),
            Gen.String)).Array[0, 16]
        .Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2));

    [Fact]
    public void Config_values_are_validated_without_throwing() =>
        Fuzz.Run(Configs, 1500, values =>
        {
            var result = EnclaveConfig.Parse(new DictionaryConfigSource(values), "dev");
            Assert.True(result.IsValid || !result.Problems.IsEmpty);
            Assert.All(result.Problems, p => Assert.DoesNotContain(p.ToString(), c => c < ' '));
        }, values => string.Join("; ", values.Select(kv => $"{kv.Key}={kv.Value}")));

    [Fact]
    public void The_input_opener_reads_text_or_refuses_it() =>
        Fuzz.Run(Gen.OneOf(Gen.Byte.Array[0, 5000], Corpus.MutatedBytes("config: {}\n", "{\"steps\": []}")), 1500, bytes =>
        {
            using var _ = InputFile.RedirectStdin(() => new MemoryStream(bytes));
            Fuzz.Expect<InputFileException>(() => InputFile.ReadAllText("-", InputKind.Waivers, maxBytes: 4096));
        }, bytes => Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 200))));
}
