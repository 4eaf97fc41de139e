namespace Enclave.Policy.Loaders;

/// <summary>The Pulumi JSON formats the gate reads.</summary>
public enum ArtifactKind
{
    /// <summary><c>pulumi preview --json</c> (PreviewDigest).</summary>
    Preview,
    /// <summary><c>pulumi stack export</c>: <c>{"version": 3, "deployment": …}</c>.</summary>
    StackExport,
    /// <summary>File-backend checkpoint: <c>{"version": 3, "checkpoint": {"latest": …}}</c>.</summary>
    Checkpoint,
    /// <summary><c>enclave plan --format json</c>: <c>{"kind": "enclave-plan", "formatVersion": 1, …}</c>.</summary>
    Plan,
    /// <summary><c>pulumi preview|up --event-log FILE</c>: engine events, one JSON object per line.</summary>
    EventLog,
}
