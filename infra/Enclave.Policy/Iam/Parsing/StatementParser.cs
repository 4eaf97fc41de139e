namespace Enclave.Policy.Iam;

/// <summary>
/// Recursive descent over one statement (grammar: reference §3.1). No exceptions for bad input: every reader
/// returns null after recording the first error, and callers return null in turn. The only recursion is the
/// condition nesting, which is capped at <see cref="PolicyParser.MaxConditionDepth"/>.
/// </summary>
internal sealed partial class StatementParser(string text, WordPool? words = null)
{
    // Not readonly: the scanner is a mutable struct and must be advanced in place.
    private Scanner _s = new(text, words);

    public ParseError? Error { get; private set; }

    public Statement? ParseStatement()
    {
        if (!Readable()) return null;
        var start = _s.Next();
        var statement = _s.TryLoweredWord("allow") ? ParseGrant(Effect.Allow)
            : _s.TryLoweredWord("deny") ? ParseDeny()
            : _s.TryLoweredWord("define") ? ParseDefine()
            : _s.TryLoweredWord("endorse") ? ParseEndorse(Effect.Allow)
            : _s.TryLoweredWord("admit") ? ParseAdmit(Effect.Allow)
            : Fail("expected a statement (allow, deny, define, endorse or admit)", start);
        if (statement is null) return null;
        return ExpectEnd(statement, statement is DefineStatement ? "expected the end of the statement after the OCID"
            : statement.Condition is null ? "expected the end of the statement after the location"
            : "expected the end of the statement after the condition");
    }

    /// <summary>A bare condition, as in a dynamic group's matching rule.</summary>
    public Condition? ParseConditionOnly()
    {
        if (!Readable()) return null;
        var condition = ParseCondition(1);
        return condition is null ? null : ExpectEnd(condition, "expected the end of the text after the condition");
    }

    /// <summary>
    /// The policy language is ASCII. A look-alike letter (Cyrillic <c>е</c> in <c>objеcts</c>, the Kelvin sign that
    /// lower-cases to <c>k</c>), an invisible one (zero-width space, soft hyphen) or a Unicode space would otherwise
    /// read as a harmless other word (a type no rule knows, a group that is not a persona, a deny that names nobody)
    /// while OCI, whose comparison of such text the gate cannot know, may read the real one. So any character outside
    /// printable ASCII, tab and line breaks makes the text unreadable, which counts against the change.
    /// </summary>
    private bool Readable()
    {
        var text = _s.Text.AsSpan();
        for (var at = 0; at < text.Length;)
        {
            var next = text[at..].IndexOfAnyExceptInRange(' ', '~');
            if (next < 0) return true;
            at += next;
            if (text[at] is not ('\t' or '\n' or '\r'))
            {
                Fail<Statement>($"unreadable character U+{(int)text[at]:X4}: statements are read in ASCII only (a look-alike or invisible character could make a word read as another)", at);
                return false;
            }
            at++;
        }
        return true;
    }

    private T? ExpectEnd<T>(T value, string reason) where T : class =>
        _s.AtEnd() ? value : Fail<T>(reason, _s.Next());

    private Statement? ParseDeny()
    {
        if (_s.TryKeyword("endorse")) return ParseEndorse(Effect.Deny);
        if (_s.TryKeyword("admit")) return ParseAdmit(Effect.Deny);
        return ParseGrant(Effect.Deny);
    }

    private Statement? ParseGrant(Effect effect)
    {
        var subject = ParseSubject(effect == Effect.Allow ? "'allow'" : "'deny'");
        if (subject is null || !Expect("to", "after the subject")) return null;
        var access = ParseAccess(allowAssociate: false);
        if (access is null || !Expect("in", AfterAccess(access))) return null;
        var location = ParseLocalLocation();
        if (location is null) return null;
        var condition = ParseOptionalWhere(out var ok);
        return ok ? new GrantStatement(effect, subject, access, location, condition) : null;
    }

    private Statement? ParseEndorse(Effect effect)
    {
        var subject = ParseSubject("'endorse'");
        if (subject is null || !Expect("to", "after the subject")) return null;
        var (access, location) = ParseAccessAndLocation(foreign: true);
        if (access is null || location is null) return null;
        var condition = ParseOptionalWhere(out var ok);
        return ok ? new EndorseStatement(effect, subject, access, location, condition) : null;
    }

    private Statement? ParseAdmit(Effect effect)
    {
        var subject = ParseSubject("'admit'");
        if (subject is null || !Expect("of", "after the admitted subject") || !Expect("tenancy", "after 'of'")) return null;
        var alias = ReadName("a tenancy alias after 'tenancy'");
        if (alias is null || !Expect("to", "after the tenancy alias")) return null;
        var (access, location) = ParseAccessAndLocation(foreign: false);
        if (access is null || location is null) return null;
        var condition = ParseOptionalWhere(out var ok);
        return ok ? new AdmitStatement(effect, subject, alias, access, location, condition) : null;
    }

    /// <summary>
    /// The access of an endorse or admit statement and where it applies: an <c>associate</c> names its place inside
    /// (see <see cref="FinishAssociate"/>); any other access is followed by <c>in LOCATION</c>, a location of the other
    /// tenancy for an endorse (<paramref name="foreign"/>), of this one for an admit.
    /// </summary>
    private (Access? Access, Location? Location) ParseAccessAndLocation(bool foreign)
    {
        var access = ParseAccess(allowAssociate: true);
        if (access is null) return (null, null);
        if (access is AssociateAccess associate) return FinishAssociate(associate);
        if (!Expect("in", AfterAccess(access))) return (access, null);
        return (access, foreign ? ParseForeignLocation() : ParseLocalLocation());
    }

    private Statement? ParseDefine()
    {
        var at = _s.Next();
        DefineKind kind;
        if (_s.TryKeyword("tenancy")) kind = DefineKind.Tenancy;
        else if (_s.TryKeyword("group")) kind = DefineKind.Group;
        else if (_s.TryKeyword("dynamic-group")) kind = DefineKind.DynamicGroup;
        else return Fail("expected 'tenancy', 'group' or 'dynamic-group' after 'define'", at);
        var alias = ReadName("an alias after the defined kind");
        if (alias is null || !Expect("as", "after the alias")) return null;
        var ocid = ReadOcid("after 'as'");
        return ocid is null ? null : new DefineStatement(kind, alias, ocid);
    }

    /// <summary>Consumes the keyword or records <c>expected 'KEYWORD' CONTEXT</c>.</summary>
    private bool Expect(string keyword, string context)
    {
        if (_s.TryKeyword(keyword)) return true;
        Fail($"expected '{keyword}' {context}", _s.Next());
        return false;
    }

    private static string AfterAccess(Access access) =>
        access is PermissionAccess ? "after the permission list" : "after the resource type";

    private T? Fail<T>(string reason, int position) where T : class
    {
        Error ??= new ParseError(reason, position + 1, _s.Text);
        return null;
    }

    private Statement? Fail(string reason, int position) => Fail<Statement>(reason, position);
}
