using System.Text;
using CsCheck;
using Enclave.Policy;
using Enclave.Policy.Engine;
using Enclave.Policy.Loaders;
using Enclave.Policy.Waivers;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// Previews, stack exports, checkpoints and plan documents, mutated from the repository's real fixtures: each loads
/// or fails with an <see cref="ArtifactLoadException"/>, and whatever loads is judged by every rule without a rule
/// throwing (that would be exit 70).
/// </summary>
[Trait("Category", "Fuzz")]
public class ArtifactFuzzTests
{
    private static readonly string[] Artifacts =
    [
        .. Corpus.Files("tests/Enclave.Cli.Tests/Check/Fixtures", "*.json"),
        .. Corpus.Files("tests/Enclave.Cli.Tests/Review/Fixtures", "*.json"),
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
        Fuzz.Run(Corpus.MutatedBytes(Artifacts), 400, bytes => Fuzz.Expect<ArtifactLoadException>(() =>
        {
            var artifact = ArtifactLoader.Parse(bytes, "fuzz.json");
            PolicyEvaluator.Evaluate(artifact.Graph, Context, WaiverSet.Empty, new DateOnly(2026, 6, 1));
        }), bytes => Encoding.UTF8.GetString(bytes));

    [Fact]
    public void Random_bytes_are_unreadable_input() =>
        Fuzz.Run(Gen.Byte.Array[0, 2048], 1000,
            bytes => Fuzz.Expect<ArtifactLoadException>(() => ArtifactLoader.Parse(bytes, "fuzz.json")),
            bytes => Convert.ToHexString(bytes));
}
