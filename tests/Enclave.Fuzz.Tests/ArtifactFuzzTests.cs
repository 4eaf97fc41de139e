using System.Text;
using CsCheck;
using Enclave.Policy;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Waivers;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// Previews, stack exports, checkpoints, engine event logs and plan documents, mutated from real files (the
/// repository's fixtures, Pulumi's own event logs, plans written by our writer): each goes through the streaming
/// loaders and loads or fails with an <see cref="ArtifactLoadException"/>, and whatever loads is judged by every rule
/// without a rule throwing (that would be exit 70).
/// </summary>
[Trait("Category", "Fuzz")]
public class ArtifactFuzzTests
{
    private static readonly string[] Artifacts =
    [
        .. Corpus.Files("tests/Enclave.Cli.Tests/Check/Fixtures", "*.json"),
        .. Corpus.Files("tests/Enclave.Cli.Tests/Review/Fixtures", "*.json"),
        .. Corpus.Files("tests/Enclave.Policy.Tests/Fixtures", "*.json"),
    ];

    /// <summary>Real `--event-log` files from pulumi/pulumi's test data (NDJSON and indented events).</summary>
    private static readonly string[] EventLogs = Corpus.Files("tests/Enclave.Policy.Tests/Fixtures/pulumi-testdata", "*.json");

    /// <summary>Plan documents (`enclave plan --format json`) of the fixture states, written by our own writer.</summary>
    private static readonly string[] Plans =
    [
        .. Corpus.Files("tests/Enclave.Cli.Tests/Check/Fixtures", "*export*.json").Select(json =>
            PlanJsonWriter.Write(PlanDocument.Create(ArtifactLoader.Parse(Encoding.UTF8.GetBytes(json), "seed.json").Graph, PolicySummary.Empty))),
    ];

    private static readonly PolicyContext Context = new()
    {
        TenancyId = "ocid1.tenancy.oc1..enclavetenancy",
        DeploymentRegion = "us-ashburn-1",
        HomeRegion = "us-ashburn-1",
        GatekeeperGroup = "enclave-gatekeepers",
    };

    [Fact]
    public void Mutated_artifacts_load_and_are_judged_or_fail_as_unreadable() =>
        Fuzz.Run(Corpus.MutatedBytes(Artifacts), 300, LoadAndJudge, Print);

    [Fact]
    public void Mutated_event_logs_load_and_are_judged_or_fail_as_unreadable() =>
        Fuzz.Run(Corpus.MutatedBytes(EventLogs), 300, LoadAndJudge, Print);

    [Fact]
    public void Mutated_plan_documents_load_and_are_judged_or_fail_as_unreadable() =>
        Fuzz.Run(Corpus.MutatedBytes(Plans), 200, LoadAndJudge, Print);

    /// <summary>
    /// Round 5: UTF-16 (a PowerShell redirect) is transcoded as it streams, in blocks: the mutated text re-encoded as
    /// UTF-16 of either byte order, then a byte flipped, dropped or a lone surrogate put anywhere (inside a block or at
    /// a block boundary), loads or fails with one <see cref="ArtifactLoadException"/>.
    /// </summary>
    [Fact]
    public void Mutated_utf16_artifacts_load_or_fail_as_unreadable() =>
        Fuzz.Run(Gen.Select(Corpus.Mutated(Artifacts), Gen.Bool, Gen.Int[0, 3], Gen.Int[0, int.MaxValue], (text, bigEndian, kind, at) =>
        {
            var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToList();
            var i = 2 + at % Math.Max(1, bytes.Count - 2);
            switch (kind)
            {
                case 0: if (i < bytes.Count) bytes[i] ^= (byte)(1 << (at % 8)); break;
                case 1: if (i < bytes.Count) bytes.RemoveAt(i); break; // an odd byte: every later character shifts
                case 2: bytes.InsertRange(i & ~1, bigEndian ? [0xDC, 0x00] : [0x00, 0xDC]); break; // a lone low surrogate
            }
            return bytes.ToArray();
        }), 200, LoadAndJudge, bytes => Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 2000))));

    /// <summary>
    /// Values of every type where a reader or rule reads a field (<see cref="Corpus.TypeSwapped"/>): each loads and is
    /// judged, or is refused at the value that is wrong. A refusal never names a JSON token as what was found (a
    /// property name, the end of an object or list): a reader that met one where a value belongs had lost its place
    /// (a signature that was an object was left unread, and every later key read one level too high).
    /// </summary>
    [Fact]
    public void Type_swapped_artifacts_load_and_are_judged_or_are_refused_at_the_value() =>
        Fuzz.Run(Corpus.TypeSwapped([.. Artifacts, .. Plans]), 300, json =>
        {
            try
            {
                var artifact = ArtifactLoader.Parse(Encoding.UTF8.GetBytes(json), "fuzz.json");
                PolicyEvaluator.Evaluate(artifact.Graph, Context, WaiverSet.Empty, new DateOnly(2026, 6, 1));
            }
            catch (ArtifactLoadException e)
            {
                Assert.DoesNotMatch("found (PropertyName|EndObject|EndArray|Comment|None)", e.Message);
            }
        });

    /// <summary>
    /// Round 14: resources twinned under another name with the same cloud id (two resources adopting one object), in
    /// every state seed: each loads and is judged by every rule, or is refused as unreadable; a rule that indexed by id
    /// threw (exit 70).
    /// </summary>
    [Fact]
    public void Artifacts_with_resources_sharing_an_id_are_judged_without_a_fault() =>
        Fuzz.Run(Gen.Select(Gen.Int[0, Artifacts.Length - 1], Gen.Int[0, int.MaxValue], (seed, pick) => Twinned(Artifacts[seed], pick)), 60,
            json => LoadAndJudge(Encoding.UTF8.GetBytes(json)), json => json);

    /// <summary>The seed with some of its deployed resources (chosen by the bits of <paramref name="pick"/>) twinned.</summary>
    private static string Twinned(string seed, int pick)
    {
        var doc = System.Text.Json.Nodes.JsonNode.Parse(seed)!;
        if (doc["deployment"]?["resources"] is not System.Text.Json.Nodes.JsonArray resources) return seed;
        var i = 0;
        foreach (var r in resources.ToList())
        {
            if (r?["id"] is null || r["urn"] is null || ((pick >> (i++ % 31)) & 1) == 0) continue;
            var twin = r.DeepClone();
            twin["urn"] = r["urn"]!.GetValue<string>() + "-twin";
            resources.Add(twin);
        }
        return doc.ToJsonString();
    }

    [Fact]
    public void Every_seed_loads_unmutated()
    {
        // A seed the loaders refuse would leave its target fuzzing only the refusal path.
        foreach (var (seeds, kind) in new[] { (Artifacts, (ArtifactKind?)null), (EventLogs, ArtifactKind.EventLog), (Plans, ArtifactKind.Plan) })
            foreach (var seed in seeds)
                Assert.NotEmpty(ArtifactLoader.Parse(Encoding.UTF8.GetBytes(seed), "seed.json", kind).Graph.Resources);
    }

    private static void LoadAndJudge(byte[] bytes) => Fuzz.Expect<ArtifactLoadException>(() =>
    {
        var artifact = ArtifactLoader.Parse(bytes, "fuzz.json");
        PolicyEvaluator.Evaluate(artifact.Graph, Context, WaiverSet.Empty, new DateOnly(2026, 6, 1));
    });

    private static string Print(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>Every file given to every input flag (each flag reads one format): a graph of that format, or refused.</summary>
    [Fact]
    public void Mutated_artifacts_given_to_each_flag_load_as_that_format_or_fail_as_unreadable() =>
        Fuzz.Run(Gen.Select(Corpus.MutatedBytes([.. Artifacts, .. EventLogs, .. Plans]), Gen.OneOfConst(Enum.GetValues<ArtifactKind>())), 300,
            sample => Fuzz.Expect<ArtifactLoadException>(() =>
            {
                var loaded = ArtifactLoader.Parse(sample.Item1, "fuzz.json", sample.Item2);
                var state = sample.Item2 is ArtifactKind.StackExport or ArtifactKind.Checkpoint;
                Assert.True(loaded.Kind == sample.Item2 || (state && loaded.Kind is ArtifactKind.StackExport or ArtifactKind.Checkpoint),
                    $"asked for {sample.Item2}, loaded {loaded.Kind}");
            }), sample => $"{sample.Item2}: {Print(sample.Item1)}");

    /// <summary>
    /// Round 13: an artifact compressed (gzip, zip) or saved as UTF-32 or BOM-less UTF-16, then cut anywhere past its
    /// first bytes, read through the file opener every command uses (not <see cref="ArtifactLoader.Parse"/>): refused
    /// in one line that names what it is, never "NUL bytes" alone, malformed JSON or a crash.
    /// </summary>
    [Fact]
    public void Compressed_or_re_encoded_artifacts_are_refused_naming_what_they_are()
    {
        var dir = Directory.CreateTempSubdirectory("enclave-fuzz-binary-").FullName;
        try
        {
            var gen = Gen.Select(Gen.OneOfConst(Artifacts), Gen.Int[0, Forms.Length - 1], Gen.Int[0, int.MaxValue],
                (text, form, cut) => (Form: form, Bytes: Encode(text, form, cut)));
            Fuzz.Run(gen, 100, sample =>
            {
                var path = Path.Combine(dir, "fuzz.json");
                File.WriteAllBytes(path, sample.Bytes);
                var e = Assert.Throws<ArtifactLoadException>(() => ArtifactLoader.LoadArtifact(path));
                Assert.StartsWith($"{path}: binary content (", e.Message, StringComparison.Ordinal);
                Assert.Contains(Forms[sample.Form].Named, e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', e.Message);
            }, s => $"{Forms[s.Form].Named}: {Convert.ToHexString(s.Bytes.AsSpan(0, Math.Min(64, s.Bytes.Length)))}");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static readonly (Func<string, byte[]> Encode, string Named)[] Forms =
    [
        (text => Compressed(text, zip: false), "gzip-compressed data"),
        (text => Compressed(text, zip: true), "a zip archive"),
        (text => [.. new UTF32Encoding(false, true).GetPreamble(), .. new UTF32Encoding(false, false).GetBytes(text)], "UTF-32 text; save it as UTF-8"),
        (text => new UTF32Encoding(true, false).GetBytes(text), "UTF-32 text without a byte-order mark"),
        (text => new UnicodeEncoding(false, false).GetBytes(text), "UTF-16 text without a byte-order mark"),
        (text => new UnicodeEncoding(true, false).GetBytes(text), "UTF-16 text without a byte-order mark"),
    ];

    /// <summary>The text in form <paramref name="form"/>, cut after at least its first 16 bytes.</summary>
    private static byte[] Encode(string text, int form, int cut)
    {
        var bytes = Forms[form].Encode(text);
        return bytes.AsSpan(0, 16 + cut % Math.Max(1, bytes.Length - 15)).ToArray();
    }

    private static byte[] Compressed(string text, bool zip)
    {
        using var buffer = new MemoryStream();
        if (zip)
        {
            using var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
            using var entry = archive.CreateEntry("export.json").Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
        else
        {
            using var gz = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
            gz.Write(Encoding.UTF8.GetBytes(text));
        }
        return buffer.ToArray();
    }

    [Fact]
    public void Random_bytes_are_unreadable_input() =>
        Fuzz.Run(Gen.Byte.Array[0, 2048], 1000,
            bytes => Fuzz.Expect<ArtifactLoadException>(() => ArtifactLoader.Parse(bytes, "fuzz.json")),
            bytes => Convert.ToHexString(bytes));
}
