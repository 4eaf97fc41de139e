namespace Enclave.Policy.Iam;

/// <summary>Subjects: groups (by name, domain-qualified name or OCID), dynamic groups, any-user/any-group, services.</summary>
internal sealed partial class StatementParser
{
    private Subject? ParseSubject(string after)
    {
        var at = _s.Next();
        if (_s.TryKeyword("any-user")) return AnyUserSubject.Instance;
        if (_s.TryKeyword("any-group")) return AnyGroupSubject.Instance;
        if (_s.TryKeyword("service")) return ParseServices();
        var dynamic = _s.PeekKeyword("dynamic-group");
        if (!dynamic && !_s.PeekKeyword("group"))
            return Fail<Subject>(
                $"expected a subject (group, dynamic-group, any-user, any-group or service) after {after}", at);
        var groups = new Items<GroupReference>();
        do
        {
            // After a comma the kind keyword may be repeated (`group A, group B`) or switched (`…, dynamic-group C`).
            if (_s.TryKeyword("group")) dynamic = false;
            else if (_s.TryKeyword("dynamic-group")) dynamic = true;
            var reference = ParseGroupReference(dynamic);
            if (reference is null) return null;
            groups.Add(reference);
        } while (_s.TryChar(','));
        return new GroupSubject(groups.ToList());
    }

    private GroupReference? ParseGroupReference(bool dynamic)
    {
        if (_s.TryKeyword("id"))
        {
            var id = ReadOcid("after 'id'");
            return id is null ? null : GroupReference.ById(id, dynamic);
        }
        var first = ReadName(dynamic ? "a dynamic group name or 'id'" : "a group name or 'id'", SubjectStop);
        if (first is null) return null;
        if (!_s.TryChar('/')) return GroupReference.ByName(first, null, dynamic);
        var name = ReadName(dynamic ? "a dynamic group name after '/'" : "a group name after '/'", SubjectStop);
        return name is null ? null : GroupReference.ByName(name, first, dynamic);
    }

    private ServiceSubject? ParseServices()
    {
        var names = new Items<string>();
        do
        {
            _s.TryKeyword("service");
            var name = ReadName("a service name", SubjectStop);
            if (name is null) return null;
            names.Add(name);
        } while (_s.TryChar(','));
        return new ServiceSubject(names.ToList());
    }

    /// <summary>
    /// The words that end a subject. Read bare, they are never a name: a missing name then gets the error it
    /// deserves instead of one further on (a group really called "to" must be quoted).
    /// </summary>
    private static readonly string[] SubjectStop = ["to", "of"];

    /// <summary>A bare word or a quoted string (for names with spaces or keyword spellings).</summary>
    private string? ReadName(string what, string[]? stop = null)
    {
        var at = _s.Next();
        if (stop is not null && PeekAny(stop)) return Fail<string>($"expected {what}", at);
        if (_s.PeekChar() is '\'' or '"')
        {
            var quoted = ReadQuoted();
            if (quoted is null) return null;
            if (quoted.Length == 0) return Fail<string>($"expected {what}, not an empty quoted name", at);
            // 'usde-prod-gatekeepers ' is no name the gate knows (a deny on it spares the gatekeepers, by the gate's
            // reading), but OCI may trim it to the persona's: the gate cannot tell which group is meant.
            return quoted.Trim() == quoted ? quoted
                : Fail<string>($"expected {what} without spaces at either end inside the quotes (OCI may trim them, so which name is meant is unknown)", at);
        }
        return _s.TryWord() ?? Fail<string>($"expected {what}", at);
    }

    private bool PeekAny(string[] keywords)
    {
        foreach (var keyword in keywords)
            if (_s.PeekKeyword(keyword)) return true;
        return false;
    }

    private string? ReadQuoted()
    {
        var at = _s.Next();
        var quote = _s.PeekChar()!.Value;
        _s.TryChar(quote);
        return _s.TryDelimited(quote) ?? Fail<string>($"expected a closing {quote} for the text that starts", at);
    }

    private string? ReadOcid(string context)
    {
        var at = _s.Next();
        var word = _s.PeekChar() is '\'' or '"' ? ReadQuoted() : _s.TryWord();
        if (Error is not null) return null;
        return word is not null && Lexical.IsOcid(word) ? word : Fail<string>($"expected an OCID {context}", at);
    }
}
