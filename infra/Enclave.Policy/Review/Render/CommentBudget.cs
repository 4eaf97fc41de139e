using System.Globalization;
using System.Text;

namespace Enclave.Policy.Review.Render;

/// <summary>
/// Fits a report into a pull-request comment. The report is a header that always stays, then blocks in priority
/// order (the review order puts destructive and rule-breaking changes first); blocks are kept while they fit and
/// the rest is dropped with a visible note at the top and at the bottom naming what was left out and where the
/// full report is.
/// </summary>
public static class CommentBudget
{
    /// <summary>GitHub's comment limit is 65,536 characters; this leaves room for the action that posts it.</summary>
    public const int DefaultLimit = 60_000;

    /// <param name="note">Builds the truncation note from (blocks shown, blocks total).</param>
    /// <returns>The report and whether it was truncated.</returns>
    public static (string Text, bool Truncated) Fit(string header, IReadOnlyList<string> blocks, string footer, int limit,
        Func<int, int, string> note)
    {
        var total = header.Length + footer.Length + blocks.Sum(b => b.Length);
        if (total <= limit) return (header + string.Concat(blocks) + footer, false);

        // The note's length depends on the counts it names; the widest form bounds it.
        var reserve = 2 * note(blocks.Count, blocks.Count).Length + 16;
        var budget = limit - header.Length - footer.Length - reserve;
        var shown = 0;
        var used = 0;
        while (shown < blocks.Count && used + blocks[shown].Length <= budget) used += blocks[shown++].Length;

        var text = note(shown, blocks.Count);
        var sb = new StringBuilder(limit);
        sb.Append(header).Append(text).Append("\n\n");
        for (var i = 0; i < shown; i++) sb.Append(blocks[i]);
        sb.Append('\n').Append(text).Append('\n').Append(footer);
        if (sb.Length > limit) // a header or note larger than the limit itself: cut hard, keeping the note visible
            return (string.Concat(text, "\n\n", sb.ToString(0, Math.Max(0, limit - text.Length - 2))), true);
        return (sb.ToString(), true);
    }

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
