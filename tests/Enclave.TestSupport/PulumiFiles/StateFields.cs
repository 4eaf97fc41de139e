namespace Enclave.TestSupport.PulumiFiles;

/// <summary>How resource states are written, beyond what the graph holds: the secret form and the bookkeeping fields a CLI adds.</summary>
public sealed record StateFields
{
    public SecretForm Secrets { get; init; } = SecretForm.Ciphertext();

    /// <summary><c>created</c> timestamp of every resource, when set.</summary>
    public string? Created { get; init; }

    /// <summary><c>modified</c> timestamp of every resource, when set.</summary>
    public string? Modified { get; init; }

    /// <summary><c>sourcePosition</c> of every resource but the stack, when set.</summary>
    public string? SourcePosition { get; init; }

    /// <summary><c>refreshBeforeUpdate: true</c> on every resource (a version-4 export feature).</summary>
    public bool RefreshBeforeUpdate { get; init; }

    /// <summary>A field no Pulumi release writes yet, which readers must pass over as Go's <c>encoding/json</c> does.</summary>
    public bool FieldFromANewerCli { get; init; }
}
