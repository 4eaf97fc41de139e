using System.Text;
using CsCheck;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Tests.Support;

namespace Enclave.Policy.Tests.Properties;

/// <summary>
/// Random and mutated inputs thrown at the loaders: every outcome is a graph or an ArtifactLoadException (never another
/// exception), each parse ends (a generous wall-clock guard catches a hang), and whatever loads can be judged by the rules.
/// </summary>
public class LoaderPropertyTests
{
    private static readonly byte[] Export = Encoding.UTF8.GetBytes(PulumiJson.Export(CompliantEnclave.Build()));
    private static readonly byte[] Checkpoint = Encoding.UTF8.GetBytes(PulumiJson.Export(CompliantEnclave.Build(), checkpoint: true));
    private static readonly byte[] Preview = Encoding.UTF8.GetBytes(PulumiJson.Preview(CompliantEnclave.Build()));

    /// <summary>Keys and values Pulumi artifacts use, so random documents reach deep into the loaders.</summary>
    private static readonly string[] Keys =
    [
        "steps", "op", "urn", "newState", "oldState", "inputs", "outputs", "type", "custom", "id", "provider", "parent",
        "version", "deployment", "checkpoint", "latest", "resources", "manifest", "propertyDependencies", "dependencies",
        "detailedDiff", "kind", "inputDiff", "diffReasons", "replaceReasons", "config", "protect", "delete", "external",
        PulumiValues.SignatureKey, "ciphertext", "plaintext", "region", "statements", "compartmentId",
    ];

    private static readonly string[] Scalars =
    [
        "\"urn:pulumi:dev::p::oci:Core/vcn:Vcn::v\"", "\"urn:pulumi:prod::p::a:b:C::x\"", "\"urn:bad\"", "\"create\"", "\"same\"",
        "\"update\"", "\"delete\"", "3", "4", "1", "0", "-1", "1e308", "1e999", "true", "false", "null", "\"\"",
        $"\"{PulumiValues.UnknownSentinel}\"", $"\"{PulumiValues.SecretSignature}\"", $"\"{PulumiValues.ResourceReferenceSignature}\"",
        $"\"{PulumiValues.AssetSignature}\"", "\"[secret]\"", "\"pulumi:providers:oci\"", "\"add-replace\"", "\"frob\"",
    ];

    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, inner) => depth >= 6
        ? Gen.OneOfConst(Scalars)
        : Gen.Frequency(
            (3, Gen.OneOfConst(Scalars)),
            (2, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (4, Gen.Select(Gen.OneOfConst(Keys), inner).Array[0, 5]
                .Select(fields => "{" + string.Join(",", fields.Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}"))));

    private static readonly Gen<byte[]> Valid = Gen.OneOfConst(Export, Checkpoint, Preview);

    /// <summary>Byte-level mutations of a valid artifact: flips, cuts, duplications, NULs, truncation.</summary>
    private static readonly Gen<byte[]> Mutated = Gen.Select(Valid, Gen.Int[0, int.MaxValue].Array[1, 6], Gen.Int[0, 5], (bytes, positions, kind) =>
    {
        var list = bytes.ToList();
        foreach (var p in positions)
        {
            if (list.Count == 0) break;
            var i = p % list.Count;
            switch (kind)
            {
                case 0: list[i] = (byte)(list[i] ^ (1 << (p % 8))); break;
                case 1: list.RemoveRange(i, Math.Min(list.Count - i, 1 + p % 64)); break;
                case 2: list.InsertRange(i, list.Skip(i).Take(1 + p % 64).ToList()); break;
                case 3: list[i] = 0; break;
                case 4: list.RemoveRange(i, list.Count - i); break;
                default: list.Insert(i, (byte)"{}[],:\"\\"[p % 8]); break;
            }
        }
        return list.ToArray();
    });

    [Fact]
    public void Random_pulumi_shaped_json_loads_or_fails_cleanly() =>
        Json.Sample(text => Outcome(Encoding.UTF8.GetBytes(text)), iter: 3000);

    [Fact]
    public void Mutated_artifacts_load_or_fail_cleanly() =>
        Mutated.Sample(Outcome, iter: 1500);

    [Fact]
    public void Random_bytes_fail_cleanly() =>
        Gen.Byte.Array[0, 512].Sample(Outcome, iter: 2000);

    [Fact]
    public void Deeply_nested_values_in_any_position_fail_cleanly() =>
        Gen.Select(Gen.Int[1, 5000], Gen.OneOfConst("[", "{\"a\":", "{\"steps\":[")).Sample((depth, open) =>
        {
            var close = open switch { "[" => "]", "{\"a\":" => "}", _ => "]}" };
            var text = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
            Outcome(Encoding.UTF8.GetBytes(text));
        }, iter: 200);

    private static void Outcome(byte[] bytes)
    {
        var work = Task.Run(() =>
        {
            try
            {
                var artifact = ArtifactLoader.Parse(bytes, "fuzz.json");
                // Whatever loads can be judged: the rules must cope with any graph the loaders produce.
                PolicyEvaluator.Evaluate(artifact.Graph, CompliantEnclave.Policy);
            }
            catch (ArtifactLoadException e)
            {
                Assert.StartsWith("fuzz.json", e.Message);
                Assert.DoesNotContain('\n', e.Message);
            }
        });
        Assert.True(work.Wait(TimeSpan.FromSeconds(30)), "a load did not finish");
        work.GetAwaiter().GetResult();  // rethrows anything other than ArtifactLoadException
    }
}
