namespace Enclave.TestSupport.PulumiFiles;

/// <summary>
/// How a secret value is written. A stack export holds a signed object with the ciphertext (the plaintext with
/// <c>--show-secrets</c>); the engine's events hold the same object blinded to <c>"[secret]"</c>; <c>pulumi preview
/// --json</c> prints the bare string <c>"[secret]"</c>.
/// </summary>
public sealed record SecretForm
{
    /// <summary>A made-up ciphertext: tests check it never reaches a report.</summary>
    public const string DefaultCiphertext = "v1:Tm9uY2U=:ZmFicmljYXRlZA==";

    private SecretForm(string? ciphertext, string? plaintext) => (CiphertextText, PlaintextText) = (ciphertext, plaintext);

    /// <summary>The bare string <c>"[secret]"</c>, as <c>pulumi preview --json</c> prints a secret.</summary>
    public static SecretForm Marker { get; } = new(null, null);

    /// <summary>The signed object with <c>ciphertext</c> set to <paramref name="text"/>.</summary>
    public static SecretForm Ciphertext(string text = DefaultCiphertext) => new(text, null);

    /// <summary>The signed object as the engine's events carry it: the ciphertext blinded to <c>"[secret]"</c>.</summary>
    public static SecretForm Blinded { get; } = new("[secret]", null);

    /// <summary>The signed object with <c>plaintext</c> (JSON-encoded, as <c>--show-secrets</c> writes it).</summary>
    public static SecretForm Plaintext(string text) => new(null, text);

    internal string? CiphertextText { get; }
    internal string? PlaintextText { get; }
}
