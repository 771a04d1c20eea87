using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Contracts.Health;
using ChatRag.Web.Api;
using ChatRag.Web.Components;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

public sealed class ErrorDisplayTests : WebTestContext
{
    [Fact]
    public void Problem_title_and_detail_are_rendered_as_an_alert()
    {
        var banner = Render<ErrorBanner>(p => p.Add(b => b.Problem, new ApiProblem(413, "Payload too large", "The file is over 100 MB.")));

        Assert.Equal("alert", banner.Find("div").GetAttribute("role"));
        Assert.Equal("Payload too large", banner.Find(".error-title").TextContent);
        Assert.Equal("The file is over 100 MB.", banner.Find(".error-detail").TextContent);
        Assert.Empty(banner.FindAll("a"));
    }

    [Fact]
    public void Nothing_is_rendered_without_a_problem()
    {
        var banner = Render<ErrorBanner>();

        Assert.Empty(banner.Markup.Trim());
    }

    [Fact]
    public void A_failing_documents_page_shows_the_message_instead_of_a_blank_page()
    {
        Api.Failure = new ApiException(new ApiProblem(403, "Forbidden", "This API key may not read collection 'default'."));

        var page = Render<DocumentsPage>();

        Assert.Contains("This API key may not read collection 'default'.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal("settings", page.Find("[role=alert] a").GetAttribute("href"));
        Assert.NotNull(page.Find("[role=region][aria-label=Documents]"));
    }

    [Fact]
    public void The_documents_pages_banner_of_a_failed_list_goes_once_the_list_reads_again()
    {
        Api.DocumentListFailure = new ApiException(new ApiProblem(503, "Service Unavailable", "The document list is unavailable."));
        var page = Render<DocumentsPage>();
        Assert.Contains("The document list is unavailable.", page.Find(".error-banner").TextContent, StringComparison.Ordinal);

        // The server is back, and an upload reads the list again.
        Api.DocumentListFailure = null;
        Api.OnUpload = f =>
        {
            Api.SetDocument(Document("notes.txt"));
            return new UploadedDocument(Api.Documents[0].Id, f.Name, "queued");
        };
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("hello", "notes.txt"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".document-row")));
        Assert.Empty(page.FindAll(".error-banner"));
    }

    [Fact]
    public async Task A_collection_whose_list_fails_does_not_show_the_previous_collections_documents()
    {
        Api.SetDocument(Document("notes.txt"));
        var page = Render<DocumentsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".document-row")));

        Api.DocumentListFailure = new ApiException(new ApiProblem(503, "Service Unavailable", "The document list is unavailable."));
        await page.InvokeAsync(() => Services.GetRequiredService<AppState>().SetCollectionAsync("papers"));

        // Under the new collection's heading, the old collection's rows (with their delete buttons) would read as its own.
        page.WaitForAssertion(() => Assert.Contains("The document list is unavailable.", page.Find(".error-banner").TextContent, StringComparison.Ordinal));
        Assert.Contains("papers", page.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".document-row"));
    }

    [Fact]
    public void A_banner_another_action_put_up_stays_when_the_documents_list_reads_again()
    {
        Api.SetDocument(Document("notes.txt"));
        var page = Render<DocumentsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".document-row")));

        // A re-index whose list cannot be read afterwards, then one that fails while the list reads fine again.
        Api.DocumentListFailure = new ApiException(new ApiProblem(503, "Service Unavailable", "The document list is unavailable."));
        page.Find("button[aria-label='Re-index notes.txt']").Click();
        page.WaitForAssertion(() => Assert.Contains("The document list is unavailable.", page.Find(".error-banner").TextContent, StringComparison.Ordinal));
        Api.DocumentListFailure = null;
        Api.ReindexFailure = new ApiException(new ApiProblem(500, "Internal Server Error", "Re-index failed."));
        page.Find("button[aria-label='Re-index notes.txt']").Click();

        page.WaitForAssertion(() => Assert.Contains("Re-index failed.", page.Find(".error-banner").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_documents_region_lists_each_document_with_its_status_text()
    {
        Api.Documents.Add(new DocumentDetails(Guid.NewGuid(), "a.pdf", "default", "ready", 12, null, new DocumentProgress(12, 12), 2048, "application/pdf", DateTime.UtcNow, null));
        Api.Documents.Add(new DocumentDetails(Guid.NewGuid(), "b.docx", "default", "failed", 0, "The file is encrypted.", new DocumentProgress(0, 0), 10, null, DateTime.UtcNow, null));

        var page = Render<DocumentsPage>();

        var region = page.Find("[role=region][aria-label=Documents]");
        Assert.Equal(["ready", "failed"], region.QuerySelectorAll(".document-row .status").Select(s => s.TextContent));
        Assert.Contains("The file is encrypted.", region.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_extractive_banner_shows_only_without_a_decoder()
    {
        var without = new ServerStatus(new DecoderStatus(false, null, "extractive", "No language model is configured."), ["arctic-xs"], ["default"], "default");
        var with = without with { Decoder = new DecoderStatus(true, "tiny-llm", "generative") };

        var banner = Render<ExtractiveBanner>(p => p.Add(b => b.Status, without));
        Assert.Contains("No language model is installed", banner.Find("[role=status]").TextContent, StringComparison.Ordinal);

        banner.Render(p => p.Add(b => b.Status, with));
        Assert.Empty(banner.FindAll("[role=status]"));
    }

    private static DocumentDetails Document(string name) =>
        new(Guid.NewGuid(), name, "default", "ready", 1, null, new DocumentProgress(1, 1), 10, "text/plain", DateTime.UtcNow, null);
}
