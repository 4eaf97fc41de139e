using Enclave.Policy.Graph;
using Enclave.Policy.Rules.Common;

namespace Enclave.Policy.Rules.Kms;

/// <summary>
/// Key material comes from the enclave's own vaults: no external key reference or external key version, no vault or
/// key restored from a local file, and a restore from Object Storage only out of a bucket of this stack in the
/// enclave's namespace (by bucket or by a pre-authenticated URI of that namespace in an allowed region).
/// </summary>
public sealed class KeyMaterialFromEnclave : SinkRuleBase
{
    public override RuleInfo Info { get; } = new RuleInfo(
        "ENC-KMS-006", "Key material never comes from outside the enclave", Severity.Critical, Enforcement.Mandatory,
        "A key restored from someone else's bucket or file, or referenced in an external key manager, is a key someone else also holds: everything it encrypts is readable by them.",
        "Create keys in the enclave's vault; restore only from the enclave's own buckets (restoreFromObjectStore with destination BUCKET, the enclave's namespace and bucket).");

    private static readonly string[] Types = [OciTypes.Vault, OciTypes.Key, OciTypes.KeyVersion];

    public override void Evaluate(RuleContext context, FindingSink sink)
    {
        var g = context.Graph;
        var namespaces = Namespaces.Of(g);
        foreach (var type in Types)
            foreach (var node in g.OfType(type))
            {
                var a = new Assessment();
                var external = type == OciTypes.Key ? "externalKeyReference"
                    : type == OciTypes.KeyVersion ? "externalKeyVersionId" : "externalKeyManagerMetadata";
                a.Require(Scope.Present(node.Input(external)).Not(), $"no {external}",
                    whenViolated: $"{external} is set: the key material is held by an external key manager");
                if (type == OciTypes.KeyVersion) { sink.Judge(node.Urn, node.Label, a); continue; }
                a.Require(Scope.Present(node.Input("restoreFromFile")).Not(), "not restored from a file",
                    whenViolated: "restored from a file: key material from outside the enclave's storage, of unknown origin");
                var restore = node.Input("restoreFromObjectStore");
                if (Scope.IsSet(restore)) a.Require(FromEnclave(context, node, restore, namespaces), $"restored from a bucket of this stack ({Describe(restore)})");
                sink.Judge(node.Urn, node.Label, a);
            }
    }

    private static Truth FromEnclave(RuleContext context, ResourceNode node, PropertyValue restore, Namespaces namespaces)
    {
        if (!restore.IsKnown) return Truth.Unknown;
        var destination = restore["destination"];
        var ns = restore["namespace"];
        if (destination.EqualsString("BUCKET", StringComparison.OrdinalIgnoreCase) == Truth.True)
        {
            var inNamespace = namespaces.Contains(ns);
            var bucket = restore["bucket"];
            var ofStack = Truth.False;
            foreach (var b in BucketNames.Of(context.Graph).Candidates(context.Graph, node, "restoreFromObjectStore", bucket))
                ofStack = ofStack.Or(References.Identifies(context.Graph, node, "restoreFromObjectStore", bucket, b, [OciTypes.Bucket], b.Input("name")));
            return inNamespace.And(ofStack);
        }
        if (destination.EqualsString("PRE_AUTHENTICATED_REQUEST_URI", StringComparison.OrdinalIgnoreCase) == Truth.True)
        {
            var uri = restore["uri"];
            if (!uri.IsKnown) return Truth.Unknown;
            // https://objectstorage.<region>.oraclecloud.com/p/<token>/n/<namespace>/b/<bucket>/o/<object>
            if (uri.AsString() is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps)
                return Truth.False;
            var host = parsed.Host.Split('.');
            var region = host.Length > 2 && host[0] == "objectstorage" ? host[1] : null;
            var segments = parsed.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var n = Array.IndexOf(segments, "n");
            var pathNamespace = n >= 0 && n + 1 < segments.Length ? segments[n + 1] : null;
            return Regions.Allowed(PropertyValue.Of(region), context.Policy.AllowedRegions)
                .And(pathNamespace is null ? Truth.False : namespaces.Contains(PropertyValue.Of(pathNamespace)));
        }
        return destination.IsKnown ? Truth.False : Truth.Unknown;
    }

    /// <summary>
    /// A pre-authenticated URI without its token (<c>/p/&lt;token&gt;/</c>): the token is a credential and never goes into a
    /// report.
    /// </summary>
    private static string WithoutToken(string uri)
    {
        var at = uri.IndexOf("/p/", StringComparison.Ordinal);
        if (at < 0) return uri.Length > 200 ? uri[..200] + "…" : uri;
        var end = uri.IndexOf('/', at + 3);
        return uri[..(at + 3)] + "[token]" + (end < 0 ? "" : uri[end..]);
    }

    /// <summary>The Object Storage namespaces of the stack's buckets: those known, and whether some are not known yet.</summary>
    private sealed class Namespaces
    {
        private readonly HashSet<string> _known = new(StringComparer.Ordinal);
        private bool _someUnknown;

        public static Namespaces Of(ResourceGraph graph)
        {
            var n = new Namespaces();
            foreach (var bucket in graph.OfType(OciTypes.Bucket))
            {
                var ns = bucket.Input("namespace");
                if (ns.AsString() is { } text) n._known.Add(text);
                else if (!ns.IsKnown) n._someUnknown = true;
            }
            return n;
        }

        /// <summary>Is the namespace one of the stack's buckets' (Unknown while either is not known)?</summary>
        public Truth Contains(PropertyValue ns)
        {
            if (!ns.IsKnown) return Truth.Unknown;
            if (ns.AsString() is { } text && _known.Contains(text)) return Truth.True;
            return _someUnknown ? Truth.Unknown : Truth.False;
        }
    }

    private static string Describe(PropertyValue restore) =>
        !restore.IsKnown ? "not known until deploy"
        : restore["uri"].AsString() is { } uri ? $"{restore["destination"]} {WithoutToken(uri)}"
        : $"{restore["destination"]} {restore["namespace"]}/{restore["bucket"]}";
}
