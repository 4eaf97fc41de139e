using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// A plan resource's own assigned values (<c>{"$enclave": "computed"}</c>) become the stand-in its references use
/// (<see cref="StandIns.For"/>), so a <c>$ref</c> and its target agree again; anything else computed (never written
/// by a plan) reads as unknown: the graph holds no report-only values.
/// </summary>
internal static class PlanStandIns
{
    public static bool HasComputed(ResourceNode r) =>
        r.Id is ComputedValue || r.Outputs.Fields.Values.Any(v => v is ComputedValue);

    public static ResourceNode Settle(ResourceNode r)
    {
        if (!HasComputed(r) && !r.Inputs.ContainsUnknown) return r;
        var outputs = r.Outputs.Fields.ToImmutableSortedDictionary(kv => kv.Key,
            kv => kv.Value is ComputedValue ? new StringValue(StandIns.For(r.Urn, kv.Key)) : Plain(kv.Value), StringComparer.Ordinal);
        return r with
        {
            Id = r.Id is ComputedValue ? new StringValue(StandIns.For(r.Urn, "id")) : r.Id,
            Inputs = (MapValue)Plain(r.Inputs),
            Outputs = new MapValue(outputs),
        };
    }

    private static PropertyValue Plain(PropertyValue v) => v switch
    {
        ComputedValue => PropertyValue.Unknown,
        ListValue l when l.ContainsUnknown => new ListValue([.. l.Items.Select(Plain)]),
        MapValue m when m.ContainsUnknown => new MapValue(m.Fields.ToImmutableSortedDictionary(kv => kv.Key, kv => Plain(kv.Value), StringComparer.Ordinal)),
        _ => v,
    };
}
