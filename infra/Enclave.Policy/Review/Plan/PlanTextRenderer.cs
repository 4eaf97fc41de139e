using System.Globalization;
using Enclave.Escaping;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Render;
using Enclave.Policy.Review.Values;

namespace Enclave.Policy.Review.Plan;

/// <summary>How a text plan is laid out: colour, line width, and whether references name their resource's type.</summary>
public sealed record PlanTextOptions(bool Color = false, int Width = TextLayout.DefaultWidth, bool RefTypes = false);

/// <summary>
/// The terminal view of a plan, the way <c>pulumi preview --diff</c> reads: each resource under its parent with
/// Pulumi's operation glyph and colour (<c>+</c> create, <c>~</c> update, <c>+-</c> replace, <c>-</c> delete), its
/// name and flags, its key inputs (or, against a base, what changed), then Pulumi's closing <c>Resources:</c> block
/// and the policy verdict. Values read as references, lookups and clock expressions (<see cref="ValueOrigins"/>),
/// never as the offline run's stand-ins; everything from the plan goes through the shared escaper
/// (<see cref="SafeText"/>). Lines fit the width without breaking a word.
/// </summary>
public static partial class PlanTextRenderer
{
    /// <summary>A list item or string is shown whole up to this length (a policy statement).</summary>
    internal const int ListItemLength = 2000;

    public static string Render(PlanDocument plan) => Render(PlanView.Build(plan), new PlanTextOptions());

    public static string Render(PlanView view, PlanTextOptions options)
    {
        var plan = view.Plan;
        var t = new TextLayout(options.Width, options.Color);
        var against = view.Against is { } d ? $" against {SafeText.Escape(d.Base)}" : "";
        t.Wrap("", "  ", $"Previewing update ({SafeText.Escape(plan.Stack)}){against}, offline:");
        t.Wrap("  ", "  ",
            $"the {SafeText.Escape(plan.Project)} program run with its stack configuration and no cloud account. Values the " +
            $"cloud assigns read {ValueText.UnknownMarker}, secrets {ValueText.SecretMarker}, another resource's id " +
            "NAME.id, a data source's answer lookup(TOKEN), a date from the clock now + N days.", prose: true);
        t.Line();

        foreach (var step in view.Steps) AppendStep(t, step, view.Style);
        if (view.Steps.IsEmpty) t.Line("No resource changes.");

        t.Line();
        AppendSummary(t, view);
        t.Line();
        AppendPolicy(t, plan.Policy);
        return t.ToString();
    }

    private static void AppendStep(TextLayout t, PlanStep step, ReferenceStyle style)
    {
        var indent = new string(' ', 4 * step.Depth);
        var glyph = step.Op is { } op ? DiffWords.Symbol(op) : "";
        var opName = step.Op is { } o ? DiffWords.Name(o) : "same";
        var header = $"{SafeText.Escape(ReferenceNames.ShortToken(step.Node.Type))}: ({opName})";
        t.Wrap(indent + Paint(t, glyph.PadRight(2), step.Op), indent + "  ", header, firstWidth: indent.Length + 2);
        var meta = $"[name={SafeText.Escape(step.Node.Name)}]" + string.Concat(step.Flags.Select(f => $" [{f.Replace("region ", "region=", StringComparison.Ordinal)}]"));
        t.Wrap(indent + "    ", indent + "  ", meta);

        var props = step.Properties;
        if (props.IsEmpty) return;
        var created = step.Op == ChangeOp.Create;
        var keyWidth = created ? props.Max(p => SafeText.Escape(p.Path).Length) : 0;
        foreach (var p in props)
        {
            var path = SafeText.Escape(p.Path);
            if (created)
            {
                AppendValue(t, indent + "    ", path.PadRight(keyWidth), p.After!, style);
                continue;
            }
            var mark = !p.HasValues || (p.Before is not null && p.After is not null) ? "~" : p.Before is null ? "+" : "-";
            var color = mark switch { "+" => TextLayout.Green, "-" => TextLayout.Red, _ => TextLayout.Yellow };
            var prefix = indent + "    " + t.Paint(mark, color) + " ";
            var plainPrefix = indent + "    " + mark + " ";
            var suffix = p.ForcesReplacement ? " (forces replacement)" : "";
            if (!p.HasValues)
                t.Wrap(prefix, new string(' ', plainPrefix.Length + 2), $"{path}: {p.Note ?? DiffWords.NoValues}{suffix}", firstWidth: plainPrefix.Length);
            else if (p.Before is not null && p.After is not null)
                t.Wrap(prefix, new string(' ', plainPrefix.Length + 2),
                    $"{path}: {ValueText.Format(p.Before, ListItemLength, style)} => {ValueText.Format(p.After, ListItemLength, style)}{suffix}",
                    firstWidth: plainPrefix.Length);
            else AppendValue(t, prefix, path, (p.After ?? p.Before)!, style, plainPrefix.Length);
        }
    }

    /// <summary>
    /// <c>key: value</c>, inline when it fits; else a list or map opens a block (Pulumi's <c>[0]:</c> items,
    /// <c>key:</c> fields) and a long string or template wraps at spaces under its first character.
    /// </summary>
    private static void AppendValue(TextLayout t, string prefix, string key, PropertyValue value, ReferenceStyle style, int? prefixWidth = null,
        int depth = 0)
    {
        var width = prefixWidth ?? prefix.Length;
        var inline = ValueText.Format(value, ListItemLength, style);
        var head = $"{key}: ";
        var inner = new string(' ', width + 4);
        if (width + head.Length + inline.Length <= t.Width || depth > 16)
        {
            t.Line(prefix + head + inline);
            return;
        }
        switch (value)
        {
            case ListValue { Items.Length: > 0 } list:
                t.Line(prefix + key + ": [");
                var labelWidth = $"[{list.Items.Length - 1}]".Length;
                for (var i = 0; i < list.Items.Length; i++)
                    AppendValue(t, inner, $"[{i.ToString(CultureInfo.InvariantCulture)}]".PadRight(labelWidth), list.Items[i], style, null, depth + 1);
                t.Line(new string(' ', width) + "]");
                return;
            case MapValue { Fields.Count: > 0 } map:
                t.Line(prefix + key + ": {");
                var fieldWidth = map.Fields.Keys.Max(k => SafeText.Escape(k).Length);
                foreach (var (k, v) in map.Fields)
                    AppendValue(t, inner, SafeText.Escape(k).PadRight(fieldWidth), v, style, null, depth + 1);
                t.Line(new string(' ', width) + "}");
                return;
            default:
                // One long word (an id) that fits under its key but not beside it goes on the next line.
                if (!inline.Contains(' ', StringComparison.Ordinal) && width + 4 + inline.Length <= t.Width)
                {
                    t.Line(prefix + key + ":");
                    t.Line(inner + inline);
                    return;
                }
                t.Wrap(prefix + head, new string(' ', width + head.Length), inline, firstWidth: width + head.Length);
                return;
        }
    }

    private static string Paint(TextLayout t, string text, ChangeOp? op) => op switch
    {
        ChangeOp.Create => t.Paint(text, TextLayout.Green),
        ChangeOp.Update => t.Paint(text, TextLayout.Yellow),
        ChangeOp.Replace => t.Paint(text, TextLayout.Magenta),
        ChangeOp.Delete => t.Paint(text, TextLayout.Red),
        _ => text,
    };

    /// <summary>Pulumi's closing block: one line per operation with its glyph, then changes and unchanged when any stay the same.</summary>
    private static void AppendSummary(TextLayout t, PlanView view)
    {
        t.Line("Resources:");
        var changes = 0;
        foreach (var op in new[] { ChangeOp.Create, ChangeOp.Update, ChangeOp.Replace, ChangeOp.Delete })
        {
            var n = view.Count(op);
            if (n == 0) continue;
            changes += n;
            var verb = op switch { ChangeOp.Create => "create", ChangeOp.Update => "update", ChangeOp.Replace => "replace", _ => "delete" };
            t.Line($"    {Paint(t, DiffWords.Symbol(op), op)} {n.ToString(CultureInfo.InvariantCulture)} to {verb}");
        }
        if (view.Unchanged > 0)
            t.Line(string.Create(CultureInfo.InvariantCulture, $"    {changes} change{(changes == 1 ? "" : "s")}. {view.Unchanged} unchanged"));
        else if (changes == 0) t.Line("    no changes");
    }
}
