using Enclave.Policy.Graph;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.DataAccess;

/// <summary>
/// Dynamic-group matching rules (ENC-IAM-010): a dynamic group is the enclave's own principal only when its rule pins
/// both WHERE its members live (an enclave compartment, or an enclave resource's id) and WHAT they are (a resource
/// type the enclave's own dynamic groups use, <see cref="PolicyContext.DynamicGroupResourceTypes"/>). A compartment
/// alone selects every function, instance or container anyone with access there creates, and they then hold the
/// database's key and admin secret; a type alone selects that kind of resource in the whole tenancy.
/// </summary>
public sealed partial class EnclaveIdentities
{
    private readonly Dictionary<string, (Truth Verdict, string Why)> _dynamicGroupRules = new(StringComparer.Ordinal);
    private IReadOnlyList<(string Variable, Func<string, Truth> Allowed)>? _placePins;
    private IReadOnlyList<(string Variable, Func<string, Truth> Allowed)>? _typePins;
    private IReadOnlyList<(string Variable, Func<string, Truth> Allowed)>? _kindByIdPins;

    /// <summary>Does a matching rule select only the enclave's own kind of resource in the enclave's compartments?</summary>
    public Truth MatchesOnlyEnclave(PropertyValue rule, out string why)
    {
        if (rule.AsString() is not { } text)
        {
            // A secret or a non-string is a rule nobody can read: it counts against the change; one the cloud computes
            // at deploy (a compartment id in a preview) is decided then.
            why = rule.IsSecret ? "its matching rule is secret, so no one can tell what it selects"
                : rule.IsKnown ? "its matching rule is not a string" : "its matching rule is known only at deploy";
            return rule.IsKnown || rule.IsSecret ? Truth.False : Truth.Unknown;
        }
        if (!_dynamicGroupRules.TryGetValue(text, out var known))
            _dynamicGroupRules[text] = known = JudgeMatchingRule(text);
        why = known.Why;
        return known.Verdict;
    }

    private (Truth, string) JudgeMatchingRule(string text)
    {
        var parsed = PolicyParser.ParseCondition(text);
        if (parsed.Value is null)
            return (Truth.False, $"its matching rule does not parse ({parsed.Error?.Message}); what the gate cannot read may select anything");
        var place = ConditionProbe.Pins(parsed.Value, PlacePins);
        // The kind is pinned by resource.type, or by resource.id naming only the stack's own resources of an allowed kind.
        var kind = ConditionProbe.Pins(parsed.Value, TypePins);
        if (kind == Truth.False) kind = ConditionProbe.Pins(parsed.Value, KindByIdPins);
        if (place == Truth.False)
            return (Truth.False, "its matching rule may select resources outside the enclave's compartments (a resource type or an any {…} with a tenancy-wide term is not a scope)");
        if (kind == Truth.False)
            return (Truth.False, $"its matching rule may select resources of a type the enclave's own dynamic groups do not use (resource.type must be one of {string.Join(", ", _policy.DynamicGroupResourceTypes)}): anyone who can create a function, instance or container in that compartment would hold its grants");
        return place == Truth.True
            ? (Truth.True, "its matching rule selects only the enclave's own kind of resource in the enclave's compartments")
            : (Truth.Unknown, "whether its matching rule selects only the enclave's resources is known only at deploy");
    }

    /// <summary>The variables that pin WHERE a dynamic group's members live to the enclave.</summary>
    private IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> PlacePins => _placePins ??=
    [
        ("resource.compartment.id", IsEnclaveCompartment), ("instance.compartment.id", IsEnclaveCompartment),
        ("resource.id", IsEnclaveResource), ("instance.id", IsEnclaveResource),
    ];

    /// <summary>The variable that pins WHAT a dynamic group's members are to the enclave's own kinds.</summary>
    private IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> TypePins => _typePins ??=
        [("resource.type", IsEnclaveResourceType)];

    /// <summary>resource.id pins the kind too when every id it may be is a stack resource of an allowed type.</summary>
    private IReadOnlyList<(string Variable, Func<string, Truth> Allowed)> KindByIdPins => _kindByIdPins ??=
        [("resource.id", IsEnclaveResourceOfAllowedType)];

    private Truth IsEnclaveResourceOfAllowedType(string id)
    {
        if (_graph.ById(id) is not { Custom: true } node) return _someIdUnknown ? Truth.Unknown : Truth.False;
        // oci:Database/autonomousDatabase:AutonomousDatabase is resource.type 'autonomousdatabase' (its type name, lower case).
        var colon = node.Type.LastIndexOf(':');
        return IsEnclaveResourceType(colon < 0 ? node.Type : node.Type[(colon + 1)..]);
    }

    private Truth IsEnclaveResourceType(string type)
    {
        foreach (var allowed in _policy.DynamicGroupResourceTypes)
            if (string.Equals(allowed, type, StringComparison.OrdinalIgnoreCase)) return Truth.True;
        return Truth.False;
    }
}
