using Enclave.Cli.Tests.Check;
using Markdig;

namespace Enclave.Cli.Tests.Escaping;

/// <summary>
/// Round 3 of issue 12: Markdown reports are posted as PR comments, so a resource name, a statement or a waiver
/// reason must render as its own characters. `check --format markdown` put the URN in a one-backtick code span and
/// escaped only | and &lt; elsewhere: a name holding a backtick closed the span, and an image, a link or an @mention
/// in a name or message rendered (a tracking image, a fake badge, a notified team). Each report is rendered here
/// by a real CommonMark/GFM consumer (Markdig, pipe tables and autolinks on) and the HTML is inspected.
/// </summary>
public sealed class MarkdownInjectionTests : IDisposable
{
    /// <summary>Every way into Markdown structure: code span end, image, link, raw HTML, entity, mention, emphasis, math
    /// (GitHub renders <c>$…$</c> and <c>$$…$$</c> as LaTeX in PR comments: a name could print a green "PASS").</summary>
    private const string Payload = "x`y``z|![pixel](https://evil.example/p.png)[c](https://evil.example/)<img src=x>&#60;b&#62;@octocat **b** _i_ ~~s~~ www.evil.example $\\color{green}\\text{PASS}$ $$\\huge{OK}$$";

    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UseEmphasisExtras().UseMathematics().Build();

    private readonly CheckHarness _h = new();
    private readonly string _waivers;

    public MarkdownInjectionTests()
    {
        _h.Source.Offline = _ => HostileGraph.Named(Payload);
        _waivers = _h.Write("waivers.yaml",
            "waivers:\n  - rule: ENC-STO-001\n    urn: \"*\"\n    matches: many\n    critical: true\n    approver: \"@octocat\"\n" +
            $"    reason: '{Payload}'\n    expires: 2026-07-01\n");
    }

    public void Dispose() => _h.Dispose();

    public static TheoryData<string[]> Reports => new()
    {
        { new[] { "check", "dev", "--format", "markdown" } },
        { new[] { "check", "dev", "--format", "markdown", "--waivers", "{waivers}" } },
        { new[] { "access", "dev", "--format", "markdown" } },
        { new[] { "plan", "dev", "--format", "markdown" } },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_hostile_name_renders_as_text_never_as_markup(string[] args)
    {
        string[] full = [.. args.Select(a => a == "{waivers}" ? _waivers : a), .. args[0] == "plan" ? new[] { "--repo", _h.Repo } : []];
        var (code, stdout, stderr) = await _h.Run(full);
        Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
        Assert.Contains("octocat", stdout); // the payload was printed: the test is not vacuous

        var html = Markdown.ToHtml(stdout, Gfm);

        foreach (var markup in new[] { "<img", "href=\"https://evil.example", "href=\"http://www.evil", "<b>", "<strong>b</strong>", "<em>i</em>", "<del>", "class=\"math\"" })
            Absent(markup, html);
        // GitHub turns "@octocat" in rendered text (not in code) into a notification.
        foreach (var text in TextOutsideCode(html)) Absent("@octocat", text);
    }

    private static void Absent(string markup, string html)
    {
        var at = html.IndexOf(markup, StringComparison.Ordinal);
        Assert.True(at < 0, $"{markup} rendered: …{html[Math.Max(0, at - 300)..Math.Min(html.Length, at + 100)]}…");
    }

    /// <summary>The HTML with &lt;code&gt; elements removed (mentions are not linked inside code).</summary>
    private static IEnumerable<string> TextOutsideCode(string html) =>
        System.Text.RegularExpressions.Regex.Split(html, "<code>.*?</code>", System.Text.RegularExpressions.RegexOptions.Singleline);
}
