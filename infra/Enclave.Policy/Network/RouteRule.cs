using Enclave.Policy.Graph;

namespace Enclave.Policy.Network;

/// <summary>One route rule: packets to <see cref="Destination"/> leave through <see cref="Target"/>.</summary>
public sealed record RouteRule(string Table, Cidr? Destination, string DestinationText, Ref Target, Truth Known)
{
    public string Hop => $"route table {Table} {DestinationText}→{Target.Label}";

    /// <summary>Does this rule send packets to <paramref name="gateway"/>? Unknown when either side is not known.</summary>
    public Truth Targets(Ref gateway)
    {
        if (Target.IsUnknown || gateway.IsUnknown) return Truth.Unknown;
        return Target.Key == gateway.Key ? Target.Certainty : Truth.False;
    }
}

/// <summary>The route table in force for a subnet. <see cref="Applies"/> is Unknown when it may not be that one.</summary>
public sealed record RouteTableInfo(string Label, IReadOnlyList<RouteRule> Rules, Truth Applies)
{
    public static RouteTableInfo Wildcard(string label) =>
        new(label, [new RouteRule(label, null, "(rules known after apply)", Ref.Unknown, Truth.Unknown)], Truth.Unknown);
}
