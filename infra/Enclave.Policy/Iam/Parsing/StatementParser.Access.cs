namespace Enclave.Policy.Iam;

/// <summary>Verbs, resource types, permission lists, the associate form, and locations.</summary>
internal sealed partial class StatementParser
{
    private Access? ParseAccess(bool allowAssociate)
    {
        var at = _s.Next();
        if (_s.TryChar('{')) return ParsePermissions();
        Verb? verb = _s.TryKeyword("inspect") ? Verb.Inspect
            : _s.TryKeyword("read") ? Verb.Read
            : _s.TryKeyword("use") ? Verb.Use
            : _s.TryKeyword("manage") ? Verb.Manage
            : null;
        if (verb is { } v)
        {
            var type = ReadResourceType(v switch
            {
                Verb.Inspect => "after 'inspect'",
                Verb.Read => "after 'read'",
                Verb.Use => "after 'use'",
                _ => "after 'manage'",
            });
            return type is null ? null : new VerbAccess(v, type);
        }
        if (allowAssociate && _s.TryKeyword("associate"))
        {
            var type = ReadResourceType("after 'associate'");
            // The location and the `with` part follow; FinishAssociate completes the node.
            return type is null ? null : new AssociateAccess(type, "", AnyTenancyLocation.Instance);
        }
        var verbs = allowAssociate ? "a verb (inspect, read, use, manage), 'associate'" : "a verb (inspect, read, use, manage)";
        return Fail<Access>($"expected {verbs} or a permission list after 'to'", at);
    }

    /// <summary>
    /// <c>… associate T in SIDE with T2 in SIDE</c>, after <c>associate T</c>: one side local (<c>tenancy</c>,
    /// <c>compartment …</c>), the other foreign (<c>tenancy ALIAS</c>, <c>any-tenancy</c>), in either order.
    /// </summary>
    private (Access? Access, Location? Location) FinishAssociate(AssociateAccess partial)
    {
        if (!Expect("in", "after the resource type")) return (null, null);
        var firstAt = _s.Next();
        var first = ParseAssociateSide();
        if (first is null || !Expect("with", "after the location of an associate statement")) return (null, null);
        var withType = ReadResourceType("after 'with'");
        if (withType is null || !Expect("in", "after the resource type")) return (null, null);
        var secondAt = _s.Next();
        var second = ParseAssociateSide();
        if (second is null) return (null, null);
        var firstForeign = first is ForeignTenancyLocation or AnyTenancyLocation;
        var secondForeign = second is ForeignTenancyLocation or AnyTenancyLocation;
        if (firstForeign == secondForeign)
            return (Fail<Access>(firstForeign
                ? "expected one side of an associate statement in this tenancy (tenancy or compartment …)"
                : "expected one side of an associate statement in another tenancy (tenancy ALIAS or any-tenancy)",
                firstForeign ? firstAt : secondAt), null);
        return firstForeign
            ? (new AssociateAccess(withType, partial.ResourceType, first, ForeignFirst: true), second)
            : (partial with { WithResourceType = withType, WithLocation = second }, first);
    }

    /// <summary>
    /// One side of an association: <c>tenancy</c> alone is this tenancy (when <c>with</c>, <c>where</c> or the end
    /// follows), <c>tenancy ALIAS</c> and <c>any-tenancy</c> another, <c>compartment …</c> a local compartment.
    /// </summary>
    private Location? ParseAssociateSide()
    {
        var at = _s.Next();
        if (_s.TryKeyword("any-tenancy")) return AnyTenancyLocation.Instance;
        if (_s.TryKeyword("compartment")) return ParseCompartment();
        if (!_s.TryKeyword("tenancy"))
            return Fail<Location>("expected a location (tenancy, tenancy ALIAS, any-tenancy or compartment) after 'in'", at);
        if (_s.AtEnd() || _s.PeekKeyword("with") || _s.PeekKeyword("where")) return TenancyLocation.Instance;
        var alias = ReadName("a tenancy alias after 'tenancy'");
        return alias is null ? null : new ForeignTenancyLocation(alias);
    }

    private PermissionAccess? ParsePermissions()
    {
        var permissions = new Items<string>();
        do
        {
            var at = _s.Next();
            var permission = _s.TryWord(WordCase.Upper);
            if (permission is null) return Fail<PermissionAccess>("expected a permission name in the permission list", at);
            permissions.Add(permission);
        } while (_s.TryChar(','));
        return _s.TryChar('}')
            ? new PermissionAccess(permissions.ToList())
            : Fail<PermissionAccess>("expected ',' or '}' in the permission list", _s.Next());
    }

    private string? ReadResourceType(string context)
    {
        var at = _s.Next();
        // A resource type is never "in": reading it as one would push the error past the real mistake.
        var word = _s.PeekKeyword("in") ? null : _s.TryWord(WordCase.Lower);
        return word ?? Fail<string>($"expected a resource type {context}", at);
    }

    /// <summary><c>tenancy</c>, <c>compartment a:b</c> or <c>compartment id OCID</c>.</summary>
    private Location? ParseLocalLocation()
    {
        var at = _s.Next();
        if (_s.TryKeyword("tenancy")) return TenancyLocation.Instance;
        if (_s.TryKeyword("compartment")) return ParseCompartment();
        return Fail<Location>("expected a location (tenancy or compartment) after 'in'", at);
    }

    /// <summary>Endorse targets: <c>tenancy ALIAS</c> or <c>any-tenancy</c>.</summary>
    private Location? ParseForeignLocation()
    {
        var at = _s.Next();
        if (_s.TryKeyword("any-tenancy")) return AnyTenancyLocation.Instance;
        if (!_s.TryKeyword("tenancy"))
            return Fail<Location>("expected 'tenancy ALIAS' or 'any-tenancy' after 'in'", at);
        var alias = ReadName("a tenancy alias after 'tenancy'");
        return alias is null ? null : new ForeignTenancyLocation(alias);
    }

    private Location? ParseCompartment()
    {
        if (_s.TryKeyword("id"))
        {
            var id = ReadOcid("after 'compartment id'");
            return id is null ? null : new CompartmentIdLocation(id);
        }
        var path = new Items<string>();
        var what = "a compartment name or 'id' after 'compartment'";
        do
        {
            var name = ReadName(what);
            if (name is null) return null;
            path.Add(name);
            what = "a compartment name after ':'";
        } while (_s.TryChar(':'));
        return new CompartmentPathLocation(path.ToList());
    }
}
