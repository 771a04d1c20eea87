using Bunit;
using ChatRag.Contracts.Documents;
using ChatRag.Web.Components;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

public sealed class CollectionTests : WebTestContext
{
    [Fact]
    public async Task A_new_collection_survives_a_reload_and_says_it_is_empty_until_the_first_upload()
    {
        var state = Services.GetRequiredService<AppState>();
        await state.LoadAsync();
        await state.SetCollectionAsync("papers");
        Assert.Equal("papers", Storage.Collection);

        // A reload: a fresh state reads the remembered name, which the server does not know yet.
        var reloaded = new AppState(Api, Storage);
        await reloaded.LoadAsync();
        Assert.Equal("papers", reloaded.Collection);
        Assert.True(reloaded.IsNewCollection);
        Assert.Contains("papers", reloaded.Status!.Collections);

        var sidebar = Render<ConversationSidebar>();
        Assert.Contains("papers (new, empty)", sidebar.FindAll("option").Select(o => o.TextContent));
        Assert.Contains("upload a document to create it", sidebar.Find(".new-collection-hint").TextContent, StringComparison.Ordinal);
        var page = Render<DocumentsPage>();
        Assert.Contains("upload a document to create it", page.Find(".new-collection-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_collection_holds_a_document_it_is_no_longer_marked_new()
    {
        var state = Services.GetRequiredService<AppState>();
        await state.LoadAsync();
        await state.SetCollectionAsync("papers");
        var sidebar = Render<ConversationSidebar>();
        Api.Documents.Add(new DocumentDetails(Guid.NewGuid(), "a.md", "papers", "ready", 1, null, new DocumentProgress(1, 1), 10, "text/markdown", DateTime.UtcNow, null));

        var page = Render<DocumentsPage>();

        Assert.False(state.IsNewCollection);
        Assert.Empty(page.FindAll(".new-collection-note"));
        sidebar.WaitForAssertion(() => Assert.Empty(sidebar.FindAll(".new-collection-hint")));
        Assert.Contains("papers", sidebar.FindAll("option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task The_sidebar_says_whose_conversations_it_lists()
    {
        await Services.GetRequiredService<AppState>().LoadAsync();

        var sidebar = Render<ConversationSidebar>();

        Assert.Equal("Conversations in default", sidebar.Find("h2.sidebar-heading").TextContent);
    }
}
