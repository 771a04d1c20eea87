using Bunit;
using ChatRag.Contracts.Chat;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using ChatRag.Web.Pages;

namespace ChatRag.Web.Tests;

public sealed class CitationPanelTests : WebTestContext
{
    [Fact]
    public void Shows_document_page_and_highlights_the_supporting_sentence()
    {
        var citation = Samples.Citation(1, true, new CitedClaim("Exercise lowers blood pressure", 0, 30, 0.9, true));
        var panel = Render<CitationPanel>(p => p.Add(c => c.Index, 1).Add(c => c.Citation, citation));

        Assert.Equal("Source 1", panel.Find("h2").TextContent);
        Assert.Equal("report.pdf", panel.Find(".document-name").TextContent);
        Assert.Equal("page 3", panel.Find(".page").TextContent);
        Assert.Equal("Regular exercise lowers blood pressure in most adults.", panel.Find("mark").TextContent.Trim());
        Assert.Contains("Aspirin is an old drug.", panel.Find(".passage").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll(".unsupported-note"));
    }

    [Fact]
    public void A_passage_read_by_ocr_carries_a_badge_with_its_confidence_and_a_text_passage_none()
    {
        var scanned = Samples.Citation(1) with { OcrConfidence = 87.4 };

        var panel = Render<CitationPanel>(p => p.Add(c => c.Index, 1).Add(c => c.Citation, scanned));
        var typed = Render<CitationPanel>(p => p.Add(c => c.Index, 1).Add(c => c.Citation, Samples.Citation(1)));

        Assert.Equal("OCR 87 %", panel.Find(".ocr-badge").TextContent);
        Assert.Empty(typed.FindAll(".ocr-badge"));
    }

    [Fact]
    public void An_unsupported_claim_is_marked_in_the_panel()
    {
        var citation = Samples.Citation(2, false, new CitedClaim("The moon is cheese", 0, 18, 0.0, false));
        var panel = Render<CitationPanel>(p => p.Add(c => c.Index, 2).Add(c => c.Citation, citation));

        Assert.NotNull(panel.Find(".unsupported-note"));
        var claim = panel.Find(".claims li");
        Assert.Contains("unsupported", claim.ClassList);
        Assert.Contains("not supported", claim.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_original_opens_at_the_cited_page_and_downloads()
    {
        var panel = Render<CitationPanel>(p => p.Add(c => c.Index, 1).Add(c => c.Citation, Samples.Citation(1)));

        panel.FindAll(".file-actions button")[0].Click();
        panel.FindAll(".file-actions button")[1].Click();

        Assert.Equal([$"open {Samples.DocumentId} report.pdf page 3", $"download {Samples.DocumentId} report.pdf"], Files.Calls);
    }

    [Fact]
    public async Task Pressing_Source_n_in_the_chat_opens_the_panel_beside_it()
    {
        var page = Render<ChatPage>();
        await page.Find("textarea[aria-label=Message]").InputAsync(new() { Value = "q" });
        _ = page.Find("form.composer").SubmitAsync();
        var citation = Samples.Citation(1, true, new CitedClaim("Exercise lowers blood pressure", 0, 30, 0.9, true));
        await Api.ChatEvents.Writer.WriteAsync(ChatStreamEvent.Completed(Samples.Response("Exercise lowers blood pressure [1].", citation)));
        Api.ChatEvents.Writer.Complete();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button[aria-label='Source 1']")));

        await page.Find("button[aria-label='Source 1']").ClickAsync(new());

        Assert.Equal("report.pdf", page.Find(".citation-panel .document-name").TextContent);
        await page.Find(".citation-panel button.close").ClickAsync(new());
        Assert.Empty(page.FindAll(".citation-panel"));
    }
}
