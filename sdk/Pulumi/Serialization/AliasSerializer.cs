namespace Pulumi.Serialization;

/// <summary>Turns resource option aliases into the protocol's Alias messages (URN or spec form).</summary>
internal static class AliasSerializer
{
    public static async Task<List<Pulumirpc.Alias>> SerializeAsync(List<Input<Alias>> aliases)
    {
        var result = new List<Pulumirpc.Alias>();
        foreach (var input in aliases)
        {
            // An alias that is itself unknown is left out.
            var alias = await input.ToOutput().GetValueAsync(whenUnknown: null!).ConfigureAwait(false);
            if (alias is null)
            {
                continue;
            }
            if (alias.Urn is not null)
            {
                result.Add(new Pulumirpc.Alias { Urn = alias.Urn });
                continue;
            }
            var spec = new Pulumirpc.Alias.Types.Spec
            {
                Name = await ValueAsync(alias.Name).ConfigureAwait(false),
                Type = await ValueAsync(alias.Type).ConfigureAwait(false),
                Stack = await ValueAsync(alias.Stack).ConfigureAwait(false),
                Project = await ValueAsync(alias.Project).ConfigureAwait(false),
            };
            // The parent oneof as the official SDK fills it: noParent (true or false) when no parent is named, else the
            // parent's URN when it is known and non-empty, else nothing.
            if (alias.Parent is null && alias.ParentUrn is null)
            {
                spec.NoParent = alias.NoParent;
            }
            else
            {
                var parentUrn = alias.Parent is { } parent
                    ? await parent.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false)
                    : await ValueAsync(alias.ParentUrn).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(parentUrn))
                {
                    spec.ParentUrn = parentUrn;
                }
            }
            result.Add(new Pulumirpc.Alias { Spec = spec });
        }
        return result;
    }

    private static async Task<string> ValueAsync(Input<string>? input)
        => input is null ? "" : await input.ToOutput().GetValueAsync(whenUnknown: "").ConfigureAwait(false) ?? "";
}
