using Bunit;
using ChatRag.Contracts.Collections;
using ChatRag.Web.Components;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

public sealed class CollectionTests : WebTestContext
{
    [Fact]
    public async Task A_collection_created_in_the_switcher_exists_on_the_server_and_becomes_the_current_one()
    {
        var state = Services.GetRequiredService<AppState>();
        await state.LoadAsync();
        var sidebar = Render<ConversationSidebar>();

        sidebar.Find("input[aria-label='New collection name']").Change("papers");
        sidebar.Find("form.new-collection").Submit();

        Assert.Contains(Api.Collections, c => c.Name == "papers");
        Assert.Equal("papers", state.Collection);
        Assert.Equal("papers", Storage.Collection);
        sidebar.WaitForAssertion(() => Assert.Contains("papers (empty)", sidebar.FindAll("option").Select(o => o.TextContent)));
        Assert.Equal("Conversations in papers", sidebar.Find("h2.sidebar-heading").TextContent);
    }

    [Fact]
    public async Task A_remembered_collection_that_no_longer_exists_falls_back_to_the_default()
    {
        Storage.Collection = "deleted-elsewhere";
        var state = Services.GetRequiredService<AppState>();

        await state.LoadAsync();

        Assert.Equal("default", state.Collection);
    }

    [Fact]
    public async Task The_chat_page_follows_a_switch_and_a_rename()
    {
        Api.Collections.Add(new CollectionItem("papers", "papers", null, 2, DateTimeOffset.UnixEpoch));
        var state = Services.GetRequiredService<AppState>();
        await state.LoadAsync();
        var chat = Render<ChatPage>();
        Assert.Equal("default", chat.Find(".empty .collection-name").TextContent);

        await chat.InvokeAsync(() => state.SetCollectionAsync("papers"));
        chat.WaitForAssertion(() => Assert.Equal("papers", chat.Find(".empty .collection-name").TextContent));

        await chat.InvokeAsync(() => state.RenameCollectionAsync("Research papers"));
        chat.WaitForAssertion(() => Assert.Equal("Research papers", chat.Find(".empty .collection-name").TextContent));
        Assert.Equal("papers", state.Collection);
    }

    [Fact]
    public async Task Deleting_a_collection_asks_first_and_then_goes_back_to_the_default()
    {
        Api.Collections.Add(new CollectionItem("papers", "Research", null, 3, DateTimeOffset.UnixEpoch));
        Storage.Collection = "papers";
        var state = Services.GetRequiredService<AppState>();
        await state.LoadAsync();
        var sidebar = Render<ConversationSidebar>();

        sidebar.FindAll(".collection-actions button").Single(b => b.TextContent == "Delete").Click();
        Assert.Contains("“Research” with its 3 document(s)", sidebar.Find("[role=alertdialog]").TextContent, StringComparison.Ordinal);
        sidebar.FindAll("[role=alertdialog] button").Single(b => b.TextContent == "Cancel").Click();
        Assert.Empty(Api.DeletedCollections);

        sidebar.FindAll(".collection-actions button").Single(b => b.TextContent == "Delete").Click();
        sidebar.Find("[role=alertdialog] button.danger").Click();

        sidebar.WaitForAssertion(() => Assert.Equal(["papers"], Api.DeletedCollections));
        Assert.Equal("default", state.Collection);
        Assert.DoesNotContain("Research", sidebar.FindAll("option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task Renaming_in_the_switcher_shows_the_new_name_everywhere()
    {
        var state = Services.GetRequiredService<AppState>();
        await state.LoadAsync();
        var sidebar = Render<ConversationSidebar>();

        sidebar.FindAll(".collection-actions button").Single(b => b.TextContent == "Rename").Click();
        sidebar.Find("input[aria-label='Collection display name']").Change("Team handbook");
        sidebar.Find("form.collection-form").Submit();

        sidebar.WaitForAssertion(() => Assert.Equal("Conversations in Team handbook", sidebar.Find("h2.sidebar-heading").TextContent));
        Assert.Equal("default", state.Collection);
        Assert.Contains("Team handbook", sidebar.FindAll("option").Select(o => o.TextContent));
    }
}
