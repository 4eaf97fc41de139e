using Enclave.Policy.Iam;

namespace Enclave.Policy.Tests.Iam;

/// <summary>
/// The statement corpus (Iam/Corpus/*.txt): every statement of Oracle's landing zones and Oracle's documented
/// examples parses, prints canonically, and reads back to the same tree. A statement the parser rejected would be a
/// finding of the critical IAM rules, so a gap here would fail real, legitimate policies.
/// </summary>
public sealed class StatementCorpusTests
{
    private static IEnumerable<(string File, int Line, string Text)> Corpus(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Iam", "Corpus", file))
            .Select((text, i) => (file, i + 1, text))
            .Where(l => l.text.Length > 0 && !l.text.StartsWith('#'));

    public static TheoryData<string, int, string> Statements()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var (file, line, text) in Corpus("landing-zones.txt").Concat(Corpus("oracle-docs.txt"))) data.Add(file, line, text);
        return data;
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_corpus_statement_parses_and_round_trips(string file, int line, string text)
    {
        var result = PolicyParser.Parse(text);
        Assert.True(result.IsSuccess, $"{file}:{line}: {result.Error?.Message}");
        var printed = PolicyPrinter.Print(result.Value);
        Assert.Equal(result.Value, PolicyParser.Parse(printed).Value);
        Assert.Equal(printed, PolicyPrinter.Print(PolicyParser.Parse(printed).Value!));
    }

    [Fact]
    public void The_corpus_covers_every_statement_kind_subject_and_operator()
    {
        var parsed = Corpus("landing-zones.txt").Concat(Corpus("oracle-docs.txt")).Select(l => PolicyParser.Parse(l.Text).Value!).ToList();
        Assert.True(parsed.Count >= 250, $"{parsed.Count} statements");
        Assert.Contains(parsed, s => s is GrantStatement { Effect: Effect.Deny });
        Assert.Contains(parsed, s => s is DefineStatement { Kind: DefineKind.DynamicGroup });
        Assert.Contains(parsed, s => s is EndorseStatement { Effect: Effect.Deny });
        Assert.Contains(parsed, s => s is AdmitStatement { Effect: Effect.Deny });
        Assert.Contains(parsed, s => s is AdmitStatement { Access: AssociateAccess { ForeignFirst: true } });
        Assert.Contains(parsed, s => s is EndorseStatement { Access: AssociateAccess { WithLocation: AnyTenancyLocation } });
        Assert.Contains(parsed, s => s is GrantStatement { Subject: AnyGroupSubject });
        Assert.Contains(parsed, s => s is GrantStatement { Subject: GroupSubject g } && g.Groups.Any(r => r.Domain is not null && r.IsDynamic));
        Assert.Contains(parsed, s => s is GrantStatement { Subject: GroupSubject g } && g.Groups.Count(r => r.Id is not null) == 2);
        Assert.Contains(parsed, s => s is GrantStatement { Access: PermissionAccess });
        Assert.Contains(parsed, s => s is GrantStatement { Location: CompartmentPathLocation { Path.Count: 3 } });
        var operators = parsed.SelectMany(s => Clauses(s.Condition)).Select(c => c.Operator).ToHashSet();
        Assert.Equal(Enum.GetValues<ConditionOperator>().ToHashSet(), operators);
    }

    private static IEnumerable<ConditionClause> Clauses(Condition? condition) => condition switch
    {
        ConditionClause c => [c],
        ConditionGroup g => g.Items.SelectMany(Clauses),
        _ => [],
    };
}
