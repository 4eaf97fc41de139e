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
                    : new ResolvedLocation.ById(c.Id, $"compartment id {c.Id} is not in the model");
            case CompartmentPathLocation p:
                return attachment is null
                    ? new ResolvedLocation.Anywhere(
                        $"the policy's compartment{(attachmentKey is null ? "" : $" '{attachmentKey}'")} is unknown, so 'compartment {string.Join(':', p.Path)}' could be anywhere")
                    : Walk(p, tree, attachment);
            default:
                return new ResolvedLocation.Elsewhere();
        }
    }

    private static ResolvedLocation Walk(CompartmentPathLocation path, CompartmentTree tree, CompartmentTree.Node start)
    {
        var current = start;
        foreach (var name in path.Path)
        {
            var next = current.Children.FirstOrDefault(c => c.Info.Name?.Equals(name, StringComparison.OrdinalIgnoreCase) == true);
            if (next is null)
            {
                var why = current.Children.Any(c => c.Info.Name is null)
                    ? "a compartment name there is unknown"
                    : "it is not in the model";
                return new ResolvedLocation.Below(current,
                    $"'compartment {string.Join(':', path.Path)}' could not be resolved below '{current.Display}' ({why}); it could be any compartment below '{current.Display}'");
            }
            current = next;
        }
        return new ResolvedLocation.At(current, current == tree.Root, null);
    }
}
