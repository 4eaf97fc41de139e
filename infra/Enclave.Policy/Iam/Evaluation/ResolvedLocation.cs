using Enclave.Policy.Graph;
namespace Enclave.Policy.Iam;

/// <summary>
/// A statement's location resolved against the compartment tree once, before any query. Coverage of a target
/// compartment is then three-valued: a grant on C covers C and every descendant (inheritance).
/// </summary>
internal abstract record ResolvedLocation(string? Note)
{
    public abstract Truth Covers(Target target);

    /// <summary>A known node.</summary>
    internal sealed record At(CompartmentTree.Node Node, bool IsRoot, string? Note) : ResolvedLocation(Note)
    {
        public override Truth Covers(Target target)
        {
            if (IsRoot) return Truth.True;
            if (target.Ancestry is not { } a) return Truth.Unknown;
            if (a.Chain.Contains(Node)) return Truth.True;
            return a.Complete ? Truth.False : Truth.Unknown;
        }
    }

    /// <summary>Some proper descendant of a known node (a path whose names are unknown or not in the model).</summary>
    internal sealed record Below(CompartmentTree.Node Node, string Note) : ResolvedLocation(Note)
    {
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
    internal sealed record ById(string Id, string Note) : ResolvedLocation(Note)
    {
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
    internal sealed record Anywhere(string Note) : ResolvedLocation(Note)
    {
        public override Truth Covers(Target target) => Truth.Unknown;
    }

    /// <summary>Another tenancy (endorse): never a compartment of this one.</summary>
    internal sealed record Elsewhere() : ResolvedLocation((string?)null)
    {
        public override Truth Covers(Target target) => Truth.False;
    }
}

/// <summary>The compartment a query is about: a node of the tree, or only an OCID, or nothing known.</summary>
/// <param name="Node">The node, when the model has it.</param>
/// <param name="Ancestry">Its ancestry, when the model has it.</param>
/// <param name="Id">Its OCID, when known.</param>
/// <param name="Name">Its name, when known.</param>
internal sealed record Target(CompartmentTree.Node? Node, CompartmentTree.Ancestry? Ancestry, string? Id, string? Name);
