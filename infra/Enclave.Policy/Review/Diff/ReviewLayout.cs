using System.Collections.Immutable;

namespace Enclave.Policy.Review.Diff;

public enum SectionKind
{
    /// <summary>Deletes and replacements of protected or data-bearing resources.</summary>
    Destructive,
    /// <summary>Rules newly failing, newly undetermined or newly passing, with the changes behind them.</summary>
    RuleImpact,
    /// <summary>Every other change, grouped by operation and type.</summary>
    Other,
}

/// <summary>
/// One entry of a review section: a changed resource and/or the rule impacts on it.
/// <see cref="ShownAbove"/> is set when the change itself was already listed in an earlier section.
/// </summary>
public sealed record ReviewItem(string Urn, ResourceChange? Change, ImmutableArray<RuleImpact> Impacts, bool ShownAbove = false);

public sealed record ReviewSection(SectionKind Kind, ImmutableArray<ReviewItem> Items);

/// <summary>
/// The order every diff rendering follows, so Markdown, text and JSON agree: destructive changes to protected or
/// data-bearing resources first, then changes that newly violate or satisfy a rule, then the rest grouped by
/// operation (delete, replace, update, create) and type. Each changed resource is detailed exactly once.
/// </summary>
public static class ReviewLayout
{
    public static ImmutableArray<ReviewSection> Build(ReviewDiff diff)
    {
        var impactsByUrn = diff.Impacts.GroupBy(i => UrnKey.Of(i.Urn), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        ImmutableArray<RuleImpact> ImpactsOf(string urn) => impactsByUrn.GetValueOrDefault(UrnKey.Of(urn), []);

        var shown = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<ReviewSection>();

        var destructive = diff.Changes.Where(c => c.IsDestructive)
            .OrderByDescending(c => c.Protected)
            .ThenBy(c => c.Op)
            .ThenBy(c => c.Type, StringComparer.Ordinal)
            .ThenBy(c => c.Urn, StringComparer.Ordinal)
            .Select(c => { shown.Add(UrnKey.Of(c.Urn)); return new ReviewItem(c.Urn, c, ImpactsOf(c.Urn)); })
            .ToImmutableArray();
        if (destructive.Length > 0) sections.Add(new ReviewSection(SectionKind.Destructive, destructive));

        var changeByKey = diff.Changes.ToDictionary(c => UrnKey.Of(c.Urn), StringComparer.Ordinal);
        var impactItems = new List<ReviewItem>();
        var impactUrns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var impact in diff.Impacts) // already ranked: newly failing by severity first
        {
            var key = UrnKey.Of(impact.Urn);
            if (!impactUrns.Add(key)) continue;
            var change = changeByKey.GetValueOrDefault(key);
            var above = change is not null && shown.Contains(key);
            impactItems.Add(new ReviewItem(change?.Urn ?? impact.Urn, change, impactsByUrn[key], above));
            if (change is not null) shown.Add(key);
        }
        if (impactItems.Count > 0) sections.Add(new ReviewSection(SectionKind.RuleImpact, impactItems.ToImmutableArray()));

        var rest = diff.Changes.Where(c => !shown.Contains(UrnKey.Of(c.Urn)))
            .OrderBy(c => c.Op)
            .ThenBy(c => c.Type, StringComparer.Ordinal)
            .ThenBy(c => c.Urn, StringComparer.Ordinal)
            .Select(c => new ReviewItem(c.Urn, c, []))
            .ToImmutableArray();
        if (rest.Length > 0) sections.Add(new ReviewSection(SectionKind.Other, rest));
        return sections.ToImmutableArray();
    }
}
