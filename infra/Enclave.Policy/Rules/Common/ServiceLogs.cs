using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>The Logging service logs of a graph (flow logs, bucket logs) and what each one covers.</summary>
public static class ServiceLogs
{
    public static PropertyValue Service(ResourceNode log) => log.Input("configuration").At("source.service");
    public static PropertyValue Category(ResourceNode log) => log.Input("configuration").At("source.category");
    public static PropertyValue Resource(ResourceNode log) => log.Input("configuration").At("source.resource");

    /// <summary>Is the log of this service and category (three-valued; case-insensitive)?</summary>
    public static Truth Is(ResourceNode log, string service, string category) =>
        Service(log).EqualsString(service, StringComparison.OrdinalIgnoreCase)
            .And(Category(log).EqualsString(category, StringComparison.OrdinalIgnoreCase))
            .And(log.Input("isEnabled").IsNull ? Truth.True : log.Input("isEnabled").EqualsBool(true));

    /// <summary>Does the log capture <paramref name="target"/>, identified by <paramref name="identifiers"/> (default: its id)?</summary>
    public static Truth Covers(ResourceGraph graph, ResourceNode log, ResourceNode target, IReadOnlyCollection<string> candidateTypes,
        params PropertyValue[] identifiers) =>
        References.Identifies(graph, log, "configuration", Resource(log), target, candidateTypes, identifiers);
}
