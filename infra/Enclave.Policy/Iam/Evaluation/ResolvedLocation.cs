using Enclave.Policy.Graph;
namespace Enclave.Policy.Iam;

/// <summary>
/// A statement's location resolved against the compartment tree once, before any query. Coverage of a target
/// compartment is then three-valued: a grant on C covers C and every descendant (inheritance).
/// </summary>
internal abstract record ResolvedLocation
{
    public abstract Truth Covers(Target target);

    /// <summary>
    /// Why the location is uncertain, or null. Phrased when first read: a landing zone resolves thousands of
    /// locations and reports read only a few of the notes.
    /// </summary>
    public abstract string? Note { get; }

    /// <summary>A known node.</summary>
    internal sealed record At(CompartmentTree.Node Node, bool IsRoot, string? Note) : ResolvedLocation
    {
        public override string? Note { get; } = Note;

        public override Truth Covers(Target target)
        {
            if (IsRoot) return Truth.True;
            if (target.Ancestry is not { } a) return Truth.Unknown;
            if (a.Chain.Contains(Node)) return Truth.True;
            if (a.Complete) return Truth.False;
            return Truth.Unknown;
        }
    }

    /// <summary>Some proper descendant of a known node (a path whose names are unknown or not in the model).</summary>
    /// <param name="Path">The path as written.</param>
    /// <param name="Why">Why no child matched.</param>
    internal sealed record Below(CompartmentTree.Node Node, CompartmentPathLocation Path, string Why) : ResolvedLocation
    {
        private string? _note;

        public override string Note => _note ??=
            $"'compartment {string.Join(':', Path.Path)}' could not be resolved below '{Node.Display}' ({Why}); it could be any compartment below '{Node.Display}'";

        public override Truth Covers(Target target)
        {
            if (target.Ancestry is not { } a) return Truth.Unknown;
            var index = a.Chain.IndexOf(Node);
            if (index > 0) return Truth.Unknown;
            if (index == 0) return Truth.False;
            return a.Complete ? Truth.False : Truth.Unknown;
        }
    }

    /// <summary>A compartment OCID the model does not have.</summary>
    internal sealed record ById(string Id) : ResolvedLocation
    {
        private string? _note;

        public override string Note => _note ??= $"compartment id {Id} is not in the model";

        public override Truth Covers(Target target)
        {
            if (target.Ancestry is not { } a)
                return target.Id is { } id && id.Equals(Id, StringComparison.OrdinalIgnoreCase) ? Truth.True : Truth.Unknown;
            foreach (var node in a.Chain)
            {
                if (node.Info.Id is null) return Truth.Unknown;
                if (node.Info.Id.Equals(Id, StringComparison.OrdinalIgnoreCase)) return Truth.True;
            }
            return a.Complete ? Truth.False : Truth.Unknown;
        }
    }

    /// <summary>Could be anywhere (the policy's own compartment is unknown).</summary>
    /// <param name="AttachmentKey">The key the policy names for its compartment, when it names one.</param>
    /// <param name="Path">The path as written.</param>
    internal sealed record Anywhere(string? AttachmentKey, CompartmentPathLocation Path) : ResolvedLocation
    {
        private string? _note;

        public override string Note => _note ??=
            $"the policy's compartment{(AttachmentKey is null ? "" : $" '{AttachmentKey}'")} is unknown, so 'compartment {string.Join(':', Path.Path)}' could be anywhere";

        public override Truth Covers(Target target) => Truth.Unknown;
    }

    /// <summary>Another tenancy (endorse): never a compartment of this one.</summary>
    internal sealed record Elsewhere : ResolvedLocation
    {
        public override string? Note => null;

        public override Truth Covers(Target target) => Truth.False;
    }
}

/// <summary>The compartment a query is about: a node of the tree, or only an OCID, or nothing known.</summary>
/// <param name="Node">The node, when the model has it.</param>
/// <param name="Ancestry">Its ancestry, when the model has it.</param>
/// <param name="Id">Its OCID, when known.</param>
/// <param name="Name">Its name, when known.</param>
internal sealed record Target(CompartmentTree.Node? Node, CompartmentTree.Ancestry? Ancestry, string? Id, string? Name);
