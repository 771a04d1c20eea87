using Bunit;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using ChatRag.Web.Markdown;
using ChatRag.Web.State;

namespace ChatRag.Web.Tests;

public sealed class AnswerLayoutTests : WebTestContext
{
    private const string Preface = "Extractive answer (quoted from your documents; no language model is configured):";

    [Fact]
    public void Before_the_first_delta_only_a_typing_indicator_is_shown_and_no_empty_paragraph()
    {
        var answer = new AnswerState("Who built it?") { Streaming = true };

        var view = Render<ChatMessageView>(p => p.Add(v => v.Answer, answer));

        var assistant = view.Find(".message.assistant");
        Assert.Equal("…", assistant.QuerySelector(".typing [aria-hidden=true]")!.TextContent);
        Assert.Empty(assistant.QuerySelectorAll(".markdown"));
        Assert.Empty(assistant.QuerySelectorAll("p"));
    }

    [Fact]
    public void The_indicator_goes_when_text_arrives_and_a_leading_blank_line_renders_nothing()
    {
        var answer = new AnswerState("Who built it?") { Streaming = true };
        var view = Render<ChatMessageView>(p => p.Add(v => v.Answer, answer));

        answer.Apply(ChatStreamEvent.Delta("\n\n"));
        view.Render();
        Assert.NotEmpty(view.FindAll(".typing"));

        answer.Apply(ChatStreamEvent.Delta("Maria Ostrand built it."));
        view.Render();
        Assert.Empty(view.FindAll(".typing"));
        var paragraph = Assert.Single(view.FindAll(".message.assistant .markdown > *"));
        Assert.Equal("Maria Ostrand built it.", paragraph.TextContent);
    }

    [Fact]
    public void An_extractive_answer_shows_its_preface_as_a_muted_first_paragraph()
    {
        var text = $"{Preface}\n\nThe lighthouse was built in 1872 [1].";
        var answer = new AnswerState("Who built it?");
        answer.Apply(ChatStreamEvent.Completed(Samples.Response(text, Samples.Citation(1)) with { Mode = "extractive" }));

        var view = Render<ChatMessageView>(p => p.Add(v => v.Answer, answer));

        var paragraphs = view.FindAll(".markdown > p");
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(Preface, paragraphs[0].TextContent);
        Assert.Contains("preface", paragraphs[0].ClassList);
        Assert.DoesNotContain("preface", paragraphs[1].ClassList);
        Assert.Equal("Source 1", paragraphs[1].QuerySelector("button.cite")!.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("generative", Preface + "\n\nQuoted.")] // only the extractive mode has a preface
    [InlineData("extractive", "Extractive answer is a term from the report:\nit continues here.\n\nMore.")] // not one line
    [InlineData("extractive", "The lighthouse was built in 1872:\n\nQuoted.")] // other words
    [InlineData("extractive", Preface)] // nothing quoted after it
    [InlineData(null, Preface + "\n\nQuoted.")] // mode not known yet
    public void Anything_else_is_not_taken_for_a_preface(string? mode, string text) =>
        Assert.False(ExtractivePreface.IsPresent(mode, text));

    [Fact]
    public void The_preface_is_recognised_with_windows_line_breaks() =>
        Assert.True(ExtractivePreface.IsPresent("extractive", $"{Preface}\r\n\r\nQuoted [1]."));
}
