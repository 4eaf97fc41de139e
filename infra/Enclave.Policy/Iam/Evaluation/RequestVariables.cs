using System.Collections.Immutable;

namespace Enclave.Policy.Iam;

/// <summary>
/// The condition variables a query decides (reference §3.3): the principal's type, id, name, groups and
/// compartment, the target compartment's id and name, the region, plus any the caller sets in
/// <see cref="AccessContext.Variables"/>. Everything else is unknown.
/// </summary>
internal sealed class RequestVariables(IdentityIndex index, Principal? principal, Target target, AccessContext context)
{
    public VariableValue Lookup(string variable)
    {
        if (context.Variables.TryGetValue(variable, out var set)) return VariableValue.Of(set);
        foreach (var (name, value) in context.Variables)
            if (name.Equals(variable, StringComparison.OrdinalIgnoreCase)) return VariableValue.Of(value);
        var p = principal;
        switch (variable.ToLowerInvariant())
        {
            case "request.principal.type":
                return VariableValue.Of(p?.PrincipalType);
            case "request.principal.compartment.id":
                return VariableValue.Of(p?.Kind == PrincipalKind.Resource ? p.CompartmentId : null);
            case "request.principal.id":
                return VariableValue.Of(p?.Kind is PrincipalKind.User or PrincipalKind.Resource ? p.Id : null);
            case "request.user.id":
                return VariableValue.Of(p?.Kind == PrincipalKind.User ? p.Id : null);
            case "request.user.name":
                return VariableValue.Of(p?.Kind == PrincipalKind.User ? p.UserName : null);
            case "request.groups.id":
                return p?.Kind == PrincipalKind.User ? GroupIds(p) : VariableValue.Unknown;
            case "target.compartment.id":
                return VariableValue.Of(target.Id);
            case "target.compartment.name":
                return VariableValue.Of(target.Name);
            case "request.region":
                return VariableValue.Of(context.Region);
            default:
                return VariableValue.Unknown;
        }
    }

    /// <summary>Also the variables of dynamic-group matching rules, for a resource principal.</summary>
    public static VariableValue ResourceLookup(Principal p, string variable)
    {
        var isInstance = p.ResourceType is null ? (bool?)null : p.ResourceType.Equals("instance", StringComparison.OrdinalIgnoreCase);
        return variable.ToLowerInvariant() switch
        {
            "resource.type" => VariableValue.Of(p.ResourceType),
            "resource.compartment.id" => VariableValue.Of(p.CompartmentId),
            "resource.id" => VariableValue.Of(p.Id),
            // instance.* variables apply only to instances; on anything else OCI evaluates them to false.
            "instance.compartment.id" => isInstance == false ? new VariableValue([], true) : VariableValue.Of(p.CompartmentId),
            "instance.id" => isInstance == false ? new VariableValue([], true) : VariableValue.Of(p.Id),
            _ => VariableValue.Unknown,
        };
    }

    private VariableValue GroupIds(Principal p)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        var complete = p.MembershipComplete;
        foreach (var g in p.Groups)
        {
            if (index.Complete(g, dynamic: false).Id is { } id) ids.Add(id);
            else complete = false;
        }
        return new VariableValue(ids.ToImmutable(), complete);
    }
}
