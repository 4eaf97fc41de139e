using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Enclave.Policy.Inputs;

/// <summary>
/// The one YAML reader for files a pull request can change (stack configs, waiver files, Pulumi.yaml): YamlDotNet's
/// parser wrapped so that every event is accounted for as it arrives. Nesting deeper than
/// <see cref="YamlLimits.MaxDepth"/> (which would overflow the stack of any recursive walk), aliases that expand to
/// more than <see cref="YamlLimits.MaxAliasNodes"/> nodes (a few lines can stand for billions), an alias to a node
/// that contains it (a cycle) and a second document each stop the parse at that event, with its line and column.
/// Before parsing, the text must be visible to a reviewer as it is to the readers (<see cref="VisibleYamlText"/>).
/// </summary>
public static partial class SafeYaml
{
    /// <summary>The root of the single document in <paramref name="text"/>, or null when there is none.</summary>
    /// <exception cref="YamlInputException">Invalid YAML, a limit exceeded, or more than one document.</exception>
    public static YamlNode? Load(string text, YamlLimits? limits = null)
    {
        VisibleYamlText.Require(text);
        var stream = new YamlStream();
        var parser = new LimitedParser(new Parser(new StringReader(text)), limits ?? YamlLimits.Default);
        try
        {
            stream.Load(parser);
        }
        catch (LimitException e)
        {
            throw new YamlInputException(e.Problem, e.Start.Line, e.Start.Column, isSyntax: false, e);
        }
        catch (YamlException e)
        {
            throw new YamlInputException(Bare(e), e.Start.Line, e.Start.Column, isSyntax: true, e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or
                                      NullReferenceException or FormatException or OverflowException)
        {
            // YamlDotNet has inputs on which it fails with a bug instead of a YamlException (e.g. "a: [1, 2\nb: 3" throws
            // InvalidOperationException from its scanner): still a syntax error of the input, placed after the last
            // event that parsed.
            var at = parser.LastGood;
            throw new YamlInputException($"malformed YAML after line {at.Line}, column {at.Column} (the parser gave up)",
                at.Line, at.Column, isSyntax: true, e);
        }
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    // YamlDotNet prefixes its messages with the marks ("(Line: 2, Col: 3, Idx: 9) - (…): "); we report our own.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    private static string Bare(YamlException e)
    {
        var inner = e.InnerException is { } i && e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? i.Message : e.Message;
        return MarkPrefix().Replace(inner.Split('\n')[0].Trim(), "");
    }

    private sealed class LimitException(Mark start, string problem) : YamlException(start, start, problem)
    {
        public string Problem { get; } = problem;
    }

    /// <summary>Passes the parser's events through, accounting for depth, alias expansion and documents.</summary>
    private sealed class LimitedParser(IParser inner, YamlLimits limits) : IParser
    {
        private readonly Dictionary<string, (long Nodes, int Height)> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _open = new();
        private long _expanded;
        private long _aliasNodes;
        private int _documents;

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where the last event that parsed ended (for errors the parser does not place itself).</summary>
        public Mark LastGood { get; private set; } = Mark.Empty;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            Account(inner.Current!);
            LastGood = inner.Current!.End;
            return true;
        }

        private void Account(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart when ++_documents > 1:
                    throw new LimitException(e.Start, "holds several YAML documents; expected one");
                case NodeEvent { Tag.IsEmpty: false, Tag.IsNonSpecific: false } tagged when !CoreTags.Contains(tagged.Tag.Value):
                    throw new LimitException(e.Start, $"tag {Tag(tagged.Tag.Value)} is not read here (Pulumi's reader and ours could " +
                        "give it different meanings); expected an untagged value, or one of !!str, !!int, !!float, !!bool, !!null, !!seq, !!map");
                case Scalar { Value: "<<", Style: ScalarStyle.Plain } merge when IsKey():
                    throw new LimitException(e.Start, "merge key <<: Pulumi's YAML reader merges the aliased mapping in and ours " +
                        "would read a key named <<; write the keys out");
                case Scalar s:
                    Entering(e.Start, 1);
                    _expanded++;
                    Child(0);
                    if (!s.Anchor.IsEmpty) _anchors[s.Anchor.Value] = (1, 0);
                    break;
                case NodeEvent { } start and (SequenceStart or MappingStart):
                    if (_open.Count + 1 > limits.MaxDepth)
                        throw new LimitException(e.Start, $"nested deeper than {limits.MaxDepth} levels (the limit for YAML input)");
                    Entering(e.Start, 1);
                    _open.Push(new Frame(start.Anchor.IsEmpty ? null : start.Anchor.Value, _expanded, e is MappingStart));
                    _expanded++;
                    break;
                case SequenceEnd or MappingEnd:
                    var frame = _open.Pop();
                    var height = frame.Height + 1;
                    if (frame.Anchor is { } anchor) _anchors[anchor] = (_expanded - frame.Start, height);
                    Child(height);
                    break;
                case AnchorAlias alias:
                    Alias(alias);
                    break;
            }
        }

        private void Alias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (_open.Any(f => f.Anchor == name))
                throw new LimitException(alias.Start, $"alias *{name} refers to a node that contains it (a cycle)");
            var (nodes, height) = _anchors.TryGetValue(name, out var known) ? known : (1, 0);
            if (_open.Count + height > limits.MaxDepth)
                throw new LimitException(alias.Start, $"alias *{name} makes the document deeper than {limits.MaxDepth} levels (the limit for YAML input)");
            Entering(alias.Start, nodes);
            _aliasNodes += nodes;
            _expanded += nodes;
            if (_aliasNodes > limits.MaxAliasNodes)
                throw new LimitException(alias.Start,
                    $"aliases expand to more than {limits.MaxAliasNodes} nodes (the limit for YAML input; anchors referring to anchors multiply)");
            Child(height);
        }

        /// <summary>
        /// Accounts for a node of <paramref name="nodes"/> nodes starting at <paramref name="at"/>: one more item in the
        /// list that holds it, and that many more in the document. Checked before the node is built.
        /// </summary>
        private void Entering(Mark at, long nodes)
        {
            if (_open.TryPeek(out var parent) && !parent.Mapping && parent.Children + 1 > limits.MaxListItems)
                throw new LimitException(at, $"a list holds more than {limits.MaxListItems} items{Meaning}");
            if (_expanded + nodes > limits.MaxNodes)
                throw new LimitException(at, $"the document holds more than {limits.MaxNodes} values{Meaning}");
        }

        private string Meaning => limits.CountMeaning is { } m ? $" ({m})" : "";

        /// <summary>Records a finished child's height (and that it is one more child) in the collection that holds it.</summary>
        private void Child(int height)
        {
            if (!_open.TryPeek(out var parent)) return;
            parent.Children++;
            if (height > parent.Height) parent.Height = height;
        }

        /// <summary>Is the next node a mapping key (an even child of a mapping)?</summary>
        private bool IsKey() => _open.TryPeek(out var parent) && parent.Mapping && parent.Children % 2 == 0;

        private static readonly HashSet<string> CoreTags = new(StringComparer.Ordinal)
        {
            "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
        };

        /// <summary>A tag as written (!!x for the YAML core namespace), cut short.</summary>
        private static string Tag(string tag)
        {
            var shown = tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;
            return shown.Length > 80 ? shown[..80] + "…" : shown;
        }

        private sealed class Frame(string? anchor, long start, bool mapping)
        {
            public string? Anchor { get; } = anchor;
            public long Start { get; } = start;
            public bool Mapping { get; } = mapping;
            public int Children { get; set; }
            public int Height { get; set; }
        }
    }
}
