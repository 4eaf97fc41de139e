using CsCheck;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// CsCheck generators: valid syntax trees (in the parser's normal form: lower-case types, upper-case
/// permissions, non-empty names), and hostile text for the no-crash properties.
/// </summary>
internal static class SyntaxGenerators
{
    private static readonly string[] Keywords =
    [
        "allow", "deny", "define", "endorse", "admit", "group", "dynamic-group", "any-user", "any-group", "service",
        "id", "to", "in", "of", "as", "with", "where", "all", "any", "not", "and", "tenancy", "any-tenancy",
        "compartment", "associate", "inspect", "read", "use", "manage", "before", "after", "between",
    ];

    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string WordTail = Lower + "ABCXYZ0123456789-_.";

    private static readonly Gen<string> Word =
        Gen.Select(Gen.Char[Lower], Gen.String[Gen.Char[WordTail], 0, 8], (h, t) => h + t);

    /// <summary>
    /// Names: plain words, keyword spellings, and text that needs quotes (spaces, apostrophes). ASCII only: the parser
    /// rejects anything else (ParserAsciiTests).
    /// </summary>
    private static readonly Gen<string> Name = Gen.Frequency(
        (6, Word),
        (1, Gen.OneOfConst("id", "to", "of", "group", "service", "tenancy", "Data Team", "R&D")),
        (2, Gen.String[Gen.Char["ab c'd:/,{}()=#"], 1, 10].Where(n => n.Trim() == n)));

    private static readonly Gen<string> Ocid = Word.Select(w => "ocid1.group.oc1.." + w);

    private static readonly Gen<string> ResourceType =
        Gen.Frequency((3, Word.Select(w => w.ToLowerInvariant()).Where(w => w != "in")),
            (1, Gen.OneOfConst("all-resources", "object-family", "buckets", "virtual-network-family")));

    private static readonly Gen<Verb> Verbs = Gen.OneOfConst(Verb.Inspect, Verb.Read, Verb.Use, Verb.Manage);

    private static readonly Gen<GroupReference> GroupRef = Gen.Frequency(
        (3, Gen.Select(Name, Gen.Bool, (n, d) => GroupReference.ByName(n, null, d))),
        (2, Gen.Select(Name, Name, Gen.Bool, (n, dom, d) => GroupReference.ByName(n, dom, d))),
        (1, Gen.Select(Ocid, Gen.Bool, (o, d) => GroupReference.ById(o, d))));

    private static readonly Gen<Subject> Subjects = Gen.Frequency(
        (1, Gen.Const<Subject>(AnyUserSubject.Instance)),
        (1, Gen.Const<Subject>(AnyGroupSubject.Instance)),
        (1, Name.Array[1, 3].Select(n => (Subject)new ServiceSubject(new(n)))),
        (4, GroupRef.Array[1, 3].Select(g => (Subject)new GroupSubject(new(g)))));

    private static readonly Gen<Access> VerbOrPermissions = Gen.Frequency(
        (4, Gen.Select(Verbs, ResourceType, (v, t) => (Access)new VerbAccess(v, t))),
        (1, Word.Select(w => w.ToUpperInvariant()).Array[1, 3].Select(p => (Access)new PermissionAccess(new(p)))));

    private static readonly Gen<Location> LocalLocation = Gen.Frequency(
        (2, Gen.Const<Location>(TenancyLocation.Instance)),
        (2, Name.Array[1, 3].Select(p => (Location)new CompartmentPathLocation(new(p)))),
        (1, Ocid.Select(o => (Location)new CompartmentIdLocation(o))));

    private static readonly Gen<ConditionValue> Value = Gen.Frequency<ConditionValue>(
        (4, Gen.String[Gen.Char["ab 'c*/:#"], 0, 8].Select(ConditionValue.String)),
        (1, Gen.String[Gen.Char["ab*c-"], 1, 6].Select(ConditionValue.Pattern)),
        (1, Ocid.Select(o => new ConditionValue(ConditionValueKind.Ocid, o))),
        (1, Gen.OneOfConst("true", "FALSE").Select(b => new ConditionValue(ConditionValueKind.Boolean, b))),
        (1, Word.Where(w => !w.Equals("true", StringComparison.OrdinalIgnoreCase) && !w.Equals("false", StringComparison.OrdinalIgnoreCase))
            .Select(w => new ConditionValue(ConditionValueKind.Word, w))));

    private static readonly Gen<Condition> Clause = Gen.Select(Word,
        Gen.OneOfConst(ConditionOperator.Equal, ConditionOperator.NotEqual, ConditionOperator.Before,
            ConditionOperator.After, ConditionOperator.Between, ConditionOperator.In, ConditionOperator.NotIn),
        Value.Array[1, 3],
        (v, op, values) => (Condition)new ConditionClause(v, op, op switch
        {
            ConditionOperator.Between => [values[0], values[^1]],
            ConditionOperator.In or ConditionOperator.NotIn => new(values),
            _ => [values[0]],
        }));

    public static readonly Gen<Condition> Conditions = Gen.Recursive<Condition>((depth, inner) => depth >= 4
        ? Clause
        : Gen.Frequency((2, Clause), (1, Gen.Select(Gen.Bool, inner.Array[1, 3], (all, items) => (Condition)new ConditionGroup(all, new(items))))));

    private static readonly Gen<Condition?> OptionalCondition =
        Gen.Frequency((1, Gen.Const((Condition?)null)), (2, Conditions.Select(c => (Condition?)c)));

    private static readonly Gen<Effect> Effects = Gen.OneOfConst(Effect.Allow, Effect.Deny);

    private static readonly Gen<AssociateAccess> Associate =
        Gen.Select(ResourceType, ResourceType,
            Gen.Frequency((3, Name.Select(t => (Location)new ForeignTenancyLocation(t))), (1, Gen.Const<Location>(AnyTenancyLocation.Instance))),
            Gen.Bool, (a, b, t, foreignFirst) => new AssociateAccess(a, b, t, foreignFirst));

    /// <summary>Every statement form.</summary>
    public static readonly Gen<Statement> Statements = Gen.Frequency(
        (4, Gen.Select(Effects, Subjects, VerbOrPermissions, LocalLocation, OptionalCondition,
            (e, s, a, l, c) => (Statement)new GrantStatement(e, s, a, l, c))),
        (1, Gen.Select(Gen.OneOfConst(DefineKind.Tenancy, DefineKind.Group, DefineKind.DynamicGroup), Name, Ocid,
            (k, n, o) => (Statement)new DefineStatement(k, n, o))),
        (1, Gen.Select(Effects, Subjects, VerbOrPermissions,
            Gen.Frequency((2, Name.Select(n => (Location)new ForeignTenancyLocation(n))), (1, Gen.Const<Location>(AnyTenancyLocation.Instance))),
            OptionalCondition, (e, s, a, l, c) => (Statement)new EndorseStatement(e, s, a, l, c))),
        (1, Gen.Select(Effects, Subjects, Associate, LocalLocation, OptionalCondition,
            (e, s, a, l, c) => (Statement)new EndorseStatement(e, s, a, l, c))),
        (2, Gen.Select(Effects, Subjects, Name, Gen.Frequency((3, VerbOrPermissions), (1, Associate.Select(a => (Access)a))),
            LocalLocation, OptionalCondition, (e, s, t, a, l, c) => (Statement)new AdmitStatement(e, s, t, a, l, c))));

    /// <summary>Arbitrary text, weighted towards the characters the grammar cares about.</summary>
    public static readonly Gen<string> HostileText = Gen.Frequency(
        (2, Gen.String[Gen.Char, 0, 200]),
        (3, Gen.String[Gen.Char["allowdenyto group{}(),'\"/:=!*\n\t in all any where ocid1.é\u0000\uD800"], 0, 200]),
        (3, Gen.OneOfConst(Keywords.Concat(["{", "}", "(", ")", ",", "'x'", "/p*/", "=", "!=", ":", "/", "ocid1.a..b", "Dom/Name"]).ToArray())
            .Array[0, 40].Select(tokens => string.Join(' ', tokens))));

    /// <summary>A valid Landing Zone statement with 1–6 random insertions, deletions or replacements.</summary>
    public static readonly Gen<string> Mutated = Gen.Select(
        Gen.OneOfConst(LandingZone.All.ToArray()),
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1_000_000], Gen.Char["{}(),'\"/:=! xé\u00A0\n\uDC00"]).Array[1, 6],
        (text, edits) =>
        {
            var chars = text.ToList();
            foreach (var (kind, where, c) in edits)
            {
                var at = where % (chars.Count + 1);
                if (kind == 0) chars.Insert(at, c);
                else if (chars.Count > 0 && kind == 1) chars.RemoveAt(Math.Min(at, chars.Count - 1));
                else if (chars.Count > 0) chars[Math.Min(at, chars.Count - 1)] = c;
            }
            return new string([.. chars]);
        });

    /// <summary>Deep, possibly unbalanced, all/any nesting around a valid clause.</summary>
    public static readonly Gen<string> DeepNesting = Gen.Select(Gen.Int[0, 3000], Gen.Int[0, 3000], Gen.Bool,
        (open, close, any) => "allow any-user to read buckets in tenancy where "
            + string.Concat(Enumerable.Repeat(any ? "any {" : "all{ ", open)) + "request.region='IAD'" + new string('}', close));
}
