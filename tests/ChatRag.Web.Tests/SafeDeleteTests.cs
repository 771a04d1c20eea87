using Bunit;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Components;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace ChatRag.Web.Tests;

/// <summary>Deletes that can be taken back for a few seconds, and plain words for what was deleted.</summary>
public sealed class SafeDeleteTests : WebTestContext
{
    // The undo time is a wait the test releases (or never releases), so nothing depends on the clock.
    private readonly SemaphoreSlim undoTime = new(0);

    [Fact]
    public async Task A_deleted_conversation_disappears_at_once_and_undo_brings_it_back_without_deleting()
    {
        var id = Guid.NewGuid();
        Api.Conversations.Add(new ConversationSummaryItem(id, "Beans", "default", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        await Services.GetRequiredService<AppState>().LoadAsync();
        var sidebar = Render<ConversationSidebar>(p => p.Add(s => s.UndoWait, ct => undoTime.WaitAsync(ct)));

        sidebar.Find("button[aria-label='Delete conversation Beans']").Click();
        Assert.Empty(sidebar.FindAll(".conversations li"));
        Assert.Contains("Conversation “Beans” deleted.", sidebar.Find(".undo-notice").TextContent, StringComparison.Ordinal);

        sidebar.Find(".undo-notice button").Click();

        Assert.Single(sidebar.FindAll(".conversations li"));
        Assert.Empty(sidebar.FindAll(".undo-notice"));
        Assert.Empty(Api.DeletedConversations);
    }

    [Fact]
    public async Task A_deleted_conversation_is_deleted_on_the_server_when_the_undo_time_is_over()
    {
        var id = Guid.NewGuid();
        Api.Conversations.Add(new ConversationSummaryItem(id, "Beans", "default", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
        await Services.GetRequiredService<AppState>().LoadAsync();
        var sidebar = Render<ConversationSidebar>(p => p.Add(s => s.UndoWait, ct => undoTime.WaitAsync(ct)));

        sidebar.Find("button[aria-label='Delete conversation Beans']").Click();
        Assert.Empty(Api.DeletedConversations);
        undoTime.Release();

        sidebar.WaitForAssertion(() => Assert.Equal([id], Api.DeletedConversations));
        Assert.Empty(sidebar.FindAll(".undo-notice"));
    }

    [Fact]
    public async Task A_deleted_document_can_be_taken_back_and_is_deleted_only_after_the_undo_time()
    {
        var id = Guid.NewGuid();
        Api.SetDocument(new DocumentDetails(id, "beans.md", "default", "ready", 1, null, new DocumentProgress(1, 1), 10, "text/markdown", DateTime.UtcNow, null));
        var page = Render<DocumentsPage>(p => p.Add(d => d.UndoWait, ct => undoTime.WaitAsync(ct)));

        // Found and clicked on the renderer's context: the undo reloads the list, and a render between finding a button
        // and clicking it would leave the click on a handler that no longer exists (a flaky failure on busy CI cores).
        await page.InvokeAsync(() => page.Find("button[aria-label='Delete beans.md']").Click());
        Assert.Empty(page.FindAll(".document-row"));
        await page.InvokeAsync(() => page.Find(".undo-notice button").Click());
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".document-row")));
        Assert.Empty(Api.DeletedDocuments);

        await page.InvokeAsync(() => page.Find("button[aria-label='Delete beans.md']").Click());
        undoTime.Release();
        page.WaitForAssertion(() => Assert.Equal([id], Api.DeletedDocuments));
    }

    [Fact]
    public void The_document_list_names_file_types_in_words()
    {
        Api.SetDocument(new DocumentDetails(Guid.NewGuid(), "plan.docx", "default", "ready", 1, null, new DocumentProgress(1, 1), 10,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DateTime.UtcNow, null));

        var page = Render<DocumentsPage>();

        Assert.Equal("Word document", page.Find(".document-type").TextContent);
        Assert.DoesNotContain("openxmlformats", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_of_a_deleted_document_says_so_instead_of_offering_the_file()
    {
        Api.GoneDocuments.Add(Samples.DocumentId);

        var panel = Render<CitationPanel>(p => p.Add(c => c.Index, 1).Add(c => c.Citation, Samples.Citation(1)));

        panel.WaitForAssertion(() => Assert.Contains("Document deleted", panel.Find(".document-deleted").TextContent, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll(".file-actions button"));
    }

    [Fact]
    public void Open_original_of_a_document_deleted_meanwhile_says_so_in_plain_words()
    {
        Services.AddSingleton<IFileOpener>(new GoneFileOpener());
        var panel = Render<CitationPanel>(p => p.Add(c => c.Index, 1).Add(c => c.Citation, Samples.Citation(1)));

        panel.FindAll(".file-actions button")[0].Click();

        panel.WaitForAssertion(() => Assert.Equal("This document was deleted.", panel.Find("[role=alert]").TextContent));
        Assert.DoesNotContain(Samples.DocumentId.ToString(), panel.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", panel.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_extractive_notice_can_be_dismissed_for_good_and_never_names_a_setting()
    {
        var status = Api.Status with { Decoder = new ChatRag.Contracts.Health.DecoderStatus(false, null, "extractive", "No decoder: set ChatRag:Decoder:ModelPath.") };

        var banner = Render<ExtractiveBanner>(p => p.Add(b => b.Status, status));
        Assert.DoesNotContain("ChatRag:", banner.Markup, StringComparison.Ordinal);
        banner.Find("button[aria-label='Dismiss notice']").Click();

        Assert.Empty(banner.FindAll("[role=status]"));
        Assert.Contains(ExtractiveBanner.NoticeName, Storage.Dismissed);
        var again = Render<ExtractiveBanner>(p => p.Add(b => b.Status, status));
        Assert.Empty(again.FindAll("[role=status]"));
    }

    private sealed class GoneFileOpener : IFileOpener
    {
        // What the browser script throws for a 404: its message, then the script's stack.
        public ValueTask OpenAsync(Guid documentId, string name, int? page) =>
            throw new JSException($"[404] Not Found: No document {documentId} is visible to this caller.\nError: at fetchFile (chatrag.js:21)");

        public ValueTask DownloadAsync(Guid documentId, string name) => OpenAsync(documentId, name, null);

        public ValueTask ExportConversationAsync(Guid conversationId, string format) => throw new NotSupportedException();
    }
}
