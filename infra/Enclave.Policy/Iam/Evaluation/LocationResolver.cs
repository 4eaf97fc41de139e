namespace Enclave.Policy.Iam;

/// <summary>
/// Turns a statement's location into a <see cref="ResolvedLocation"/> (reference §3.4 step 2): <c>tenancy</c> is
/// the root, <c>compartment id X</c> the node with that OCID, and <c>compartment a:b</c> is walked down by name
/// from the compartment the policy is attached to. Where a name cannot be matched, the location becomes "some
/// compartment below the last one matched", with a note.
/// </summary>
internal static class LocationResolver
{
    public static ResolvedLocation Resolve(Location location, CompartmentTree tree, CompartmentTree.Node? attachment,
        string? attachmentKey)
    {
        switch (location)
        {
            case TenancyLocation:
                var note = attachment is not null && attachment != tree.Root
                    ? "'in tenancy' in a policy not attached to the root compartment (OCI rejects this)"
                    : null;
                return new ResolvedLocation.At(tree.Root, true, note);
            case CompartmentIdLocation c:
                return tree.FindById(c.Id) is { } byId
                    ? new ResolvedLocation.At(byId, byId == tree.Root, null)
                    : new ResolvedLocation.ById(c.Id);
            case CompartmentPathLocation p:
                return attachment is null ? new ResolvedLocation.Anywhere(attachmentKey, p) : Walk(p, tree, attachment);
            default:
                return new ResolvedLocation.Elsewhere();
        }
    }

    private static ResolvedLocation Walk(CompartmentPathLocation path, CompartmentTree tree, CompartmentTree.Node start)
    {
        var current = start;
        foreach (var name in path.Path)
        {
            var next = Child(current, name);
            if (next is null)
            {
                var why = current.Children.Exists(c => c.Info.Name is null)
                    ? "a compartment name there is unknown"
                    : "it is not in the model";
                return new ResolvedLocation.Below(current, path, why);
            }
            current = next;
        }
        return new ResolvedLocation.At(current, current == tree.Root, null);
    }

    private static CompartmentTree.Node? Child(CompartmentTree.Node parent, string name)
    {
        foreach (var child in parent.Children)
            if (child.Info.Name?.Equals(name, StringComparison.OrdinalIgnoreCase) == true) return child;
        return null;
    }
}
