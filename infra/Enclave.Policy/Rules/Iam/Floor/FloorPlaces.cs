using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Iam.Floor;

/// <summary>
/// The compartments a floor grant must hold in, as evaluator keys with a label for the report: the tenancy, every
/// compartment the stack declares, every compartment holding one of its log groups. A key not known until deploy is
/// null (the grant there is undetermined).
/// </summary>
internal sealed class FloorPlaces(ResourceGraph graph, IamView view)
{
    public IEnumerable<(string? Key, string Label)> Of(FloorPlace place) => place switch
    {
        FloorPlace.Tenancy => [(view.Model.Tenancy.Key, "the tenancy")],
        FloorPlace.EachEnclaveCompartment => graph.OfType(OciTypes.Compartment).Select(c => ((string?)c.Urn, $"compartment {c.Name}")),
        _ => graph.OfType(OciTypes.LogGroup)
            .Select(g => (view.CompartmentKeyOf(g), $"the compartment of log group {g.Name}"))
            .DistinctBy(p => p.Item1 ?? p.Item2),
    };
}
