using System.Text;
using Enclave.TestSupport.PulumiFiles;

namespace Enclave.Policy.Tests.Support;

/// <summary>
/// Hand-written graphs in Pulumi's formats (through the shared writers of Enclave.TestSupport): a <c>pulumi stack
/// export</c> (version 3, or the file-backend checkpoint) and a <c>pulumi preview --json</c> whose steps create every
/// resource. Each resource carries a field no Pulumi release writes yet, which the loaders must pass over.
/// </summary>
public static class PulumiJson
{
    private static readonly StateFields Fields = new() { Created = "2026-11-20T10:04:12Z", FieldFromANewerCli = true };

    /// <param name="secretPlaintext">When set, secrets are written as <c>--show-secrets</c> does, with this plaintext.</param>
    public static string Export(GraphBuilder g, int version = 3, bool checkpoint = false, string? secretPlaintext = null) =>
        StackExportJson.Write(g.Nodes(idsKnown: true), new ExportForm
        {
            Version = version,
            Checkpoint = checkpoint,
            State = Fields with { Secrets = secretPlaintext is null ? SecretForm.Ciphertext() : SecretForm.Plaintext(secretPlaintext) },
        });

    /// <param name="idsKnown">False: a preview creating everything (ids and references unknown).</param>
    public static string Preview(GraphBuilder g, bool idsKnown = false) =>
        PreviewJson.Write(
            g.Nodes(idsKnown).Reverse()  // the CLI's step order is not sorted
                .Select(n => new PreviewStep(idsKnown || n.Type == "pulumi:pulumi:Stack" || n.Id.IsKnown && n.Custom ? "same" : "create", null, n)),
            [new("oci:region", "us-ashburn-1"), new("us-data-enclave:adminPassword", "[secret]")],
            Fields with { Secrets = SecretForm.Marker });

    public static ReadOnlyMemory<byte> Bytes(string json) => Encoding.UTF8.GetBytes(json);
}
