using System.Collections.Immutable;
using Enclave.Policy.Loaders.Json;
using Enclave.Policy.Review.Plan;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// The verdict a plan document carries (<c>policy</c>). It is never trusted (the current rules judge the plan's
/// resources again); it is read strictly all the same, so a malformed verdict is an error and not a silent zero.
/// </summary>
internal static class PlanPolicyReader
{
    private static readonly FieldSet PolicyFields = FieldSet.Exact("passed", "findings");
    private const int RuleId = 0, Title = 1, Severity = 2, Enforcement = 3, Urn = 4, Verdict = 5, Suppressed = 6, Message = 7;
    private static readonly FieldSet FindingFields = FieldSet.Exact("ruleId", "title", "severity", "enforcement", "urn", "verdict", "suppressed", "message");

    public static PolicySummary Read(ref JsonCursor c)
    {
        if (!c.IsObject("a policy verdict object")) return PolicySummary.Empty;
        var seen = new FieldSet.Seen();
        var passed = 0L;
        var findings = new List<PolicyFinding>();
        while (c.NextProperty())
        {
            var field = c.Field(PolicyFields, ref seen, out var key);
            if (field == 0)
            {
                passed = c.Integer("a count");
                if (passed is < 0 or > int.MaxValue) throw c.Expected("a count between 0 and 2147483647");
            }
            else if (field == 1)
            {
                c.IsList("a list of findings", nullable: false);
                c.Path.Push(0);
                while (c.NextItem())
                {
                    c.Path.SetIndex(findings.Count);
                    findings.Add(ReadFinding(ref c));
                }
                c.Path.Pop();
            }
            else c.Skip();
            c.Path.Pop();
        }
        findings.Sort(PolicyFinding.Order);
        return new PolicySummary([.. findings], (int)passed);
    }

    private static PolicyFinding ReadFinding(ref JsonCursor c)
    {
        c.IsObject("a finding object", nullable: false);
        var seen = new FieldSet.Seen();
        var text = new string?[8];
        var suppressed = false;
        while (c.NextProperty())
        {
            var field = c.Field(FindingFields, ref seen, out var key);
            if (field == Suppressed) suppressed = PlanResourceReader.StrictBool(ref c);
            else if (field >= 0) text[field] = c.Token == System.Text.Json.JsonTokenType.String ? c.Text() : throw c.Expected("a string");
            else c.Skip();
            c.Path.Pop();
        }
        foreach (var required in new[] { RuleId, Severity, Enforcement, Urn, Verdict })
            if (text[required] is null) throw c.Source.Error($"a finding needs \"{FindingFields.Name(required)}\"");
        return new PolicyFinding(text[RuleId]!, text[Title] ?? "", Enum<Rules.Severity>(ref c, text[Severity]!, "severity"),
            Enum<Rules.Enforcement>(ref c, text[Enforcement]!, "enforcement"), text[Urn]!, Enum<Rules.Verdict>(ref c, text[Verdict]!, "verdict"),
            text[Message] ?? "", suppressed);
    }

    private static T Enum<T>(ref JsonCursor c, string text, string key) where T : struct, System.Enum
    {
        if (System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !char.IsDigit(text[0])) return value;
        var valid = string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        c.Path.Push(key);
        throw c.Source.Error($"\"{text}\" is not valid (expected one of {valid})");
    }
}
