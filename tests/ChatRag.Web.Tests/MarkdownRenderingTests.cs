using Bunit;
using ChatRag.Contracts.Chat;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using ChatRag.Web.State;

namespace ChatRag.Web.Tests;

public sealed class MarkdownRenderingTests : WebTestContext
{
    [Fact]
    public void Code_blocks_render_as_code_and_keep_citation_markers_literal()
    {
        var view = RenderAnswer("Use this:\n\n```csharp\nvar total = items[1] + 2;\n```\n\nSee `a[2]` and the source [2].");

        var code = view.Find("pre code");
        Assert.Equal("language-csharp", code.GetAttribute("class"));
        Assert.Contains("var total = items[1] + 2;", code.TextContent, StringComparison.Ordinal);
        var button = Assert.Single(view.FindAll("button.cite"));
        Assert.Equal("Source 2", button.GetAttribute("aria-label"));
        Assert.Equal("a[2]", view.Find("p code").TextContent);
    }

    [Fact]
    public void Raw_html_and_script_urls_from_the_answer_are_never_markup()
    {
        var view = RenderAnswer("<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) [ok](https://example.org)");

        Assert.Empty(view.FindAll("script"));
        Assert.Empty(view.FindAll("img"));
        Assert.Contains("<script>alert(1)</script>", view.Find(".markdown").TextContent, StringComparison.Ordinal);
        var link = Assert.Single(view.FindAll("a"));
        Assert.Equal("https://example.org/", new Uri(link.GetAttribute("href")!).ToString());
    }

    [Fact]
    public void A_marker_citing_several_sources_gives_a_button_per_source_and_code_stays_literal()
    {
        var view = RenderAnswer("Both agree [1, 3]. See `x[1, 2]`.");

        Assert.Equal(["Source 1", "Source 3"], view.FindAll("button.cite").Select(b => b.GetAttribute("aria-label")));
        Assert.Equal("x[1, 2]", view.Find("p code").TextContent);
    }

    [Fact]
    public void Lists_headings_and_emphasis_render_as_elements()
    {
        var view = RenderAnswer("# Findings\n\n- *first* point [1]\n- second point [3]");

        Assert.Equal("Findings", view.Find("h3").TextContent);
        Assert.Equal(2, view.FindAll("ul li").Count);
        Assert.Equal("first", view.Find("li em").TextContent);
        Assert.Equal(["Source 1", "Source 3"], view.FindAll("button.cite").Select(b => b.GetAttribute("aria-label")));
    }

    [Fact]
    public void Unsupported_sentences_and_their_citations_are_visibly_marked()
    {
        const string answer = "Exercise lowers blood pressure [1]. The moon is cheese [2].";
        var unsupported = new CitedClaim("The moon is cheese", 36, 54, 0.0, false);
        var answerState = new AnswerState("q");
        answerState.Apply(ChatStreamEvent.Completed(Samples.Response(
            answer,
            Samples.Citation(1, true, new CitedClaim("Exercise lowers blood pressure", 0, 30, 1, true)),
            Samples.Citation(2, false, unsupported))));

        var view = Render<ChatMessageView>(p => p.Add(v => v.Answer, answerState));

        Assert.Equal("The moon is cheese", view.Find("span.unsupported").TextContent);
        Assert.Contains("not supported", view.Find(".unsupported-flag").TextContent, StringComparison.Ordinal);
        Assert.Contains("unsupported", view.Find("button[aria-label='Source 2']").ClassList);
        Assert.DoesNotContain("unsupported", view.Find("button[aria-label='Source 1']").ClassList);
    }

    [Fact]
    public void Pressing_a_citation_reports_its_number()
    {
        var pressed = 0;
        var answerState = new AnswerState("q");
        answerState.Apply(ChatStreamEvent.Delta("Fact [4]."));
        var view = Render<ChatMessageView>(p => p.Add(v => v.Answer, answerState).Add(v => v.OnCite, (int n) => pressed = n));

        view.Find("button[aria-label='Source 4']").Click();

        Assert.Equal(4, pressed);
    }

    [Theory]
    [InlineData("Exercise lowers blood pressure [\u0661].", "[\u0661]", 0)]
    [InlineData("Exercise lowers blood pressure [1, \u0662].", "[1, \u0662]", 0)]
    [InlineData("Both [\u0967] and [2] say so.", "[\u0967]", 1)]
    public void Markers_with_non_ascii_digits_stay_text_instead_of_crashing(string markdown, string literal, int buttons)
    {
        // \d matched any Unicode digit, then int.Parse threw on "\u0661" and the whole answer failed to render.
        var view = RenderAnswer(markdown);

        Assert.Contains(literal, view.Find(".markdown").TextContent, StringComparison.Ordinal);
        Assert.Equal(buttons, view.FindAll("button.cite").Count);
        Assert.All(view.FindAll("button.cite"), b => Assert.Equal("Source 2", b.GetAttribute("aria-label")));
    }

    private IRenderedComponent<ChatMessageView> RenderAnswer(string markdown)
    {
        var answer = new AnswerState("q");
        answer.Apply(ChatStreamEvent.Delta(markdown));
        return Render<ChatMessageView>(p => p.Add(v => v.Answer, answer));
    }
}
