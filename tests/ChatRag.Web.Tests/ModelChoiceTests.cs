using Bunit;
using ChatRag.Contracts.Health;
using ChatRag.Contracts.Settings;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

/// <summary>The model picker beside the message box and the answer settings of the Settings page.</summary>
public sealed class ModelChoiceTests : WebTestContext
{
    private static readonly DecoderStatus Generative = new(true, "alpha", "generative");

    [Fact]
    public async Task The_picker_appears_with_several_decoders_and_the_choice_is_sent_as_model()
    {
        Api.Status = new ServerStatus(Generative, ["arctic-xs"], ["default"], "default")
        {
            Decoders = [new DecoderItem("alpha", "onnx", true, "loaded", 12.5, 0), new DecoderItem("bravo", "openai", false, "unloaded", 0, 0)],
        };
        await Services.GetRequiredService<AppState>().LoadAsync();
        var page = Render<ChatPage>();

        var picker = page.Find("select[aria-label=Model]");
        Assert.Equal(["Default (alpha)", "alpha", "bravo"], picker.QuerySelectorAll("option").Select(o => o.TextContent.Trim()));
        await picker.ChangeAsync(new() { Value = "bravo" });
        await SendAsync(page, "Which storm?");

        page.WaitForAssertion(() => Assert.Equal("bravo", Assert.Single(Api.ChatRequests).Model));
    }

    [Fact]
    public async Task Without_a_choice_there_is_no_picker_and_no_model_is_sent()
    {
        Api.Status = new ServerStatus(Generative, ["arctic-xs"], ["default"], "default") { Decoders = [new DecoderItem("alpha", "onnx", true, "unloaded", 12.5, 0)] };
        await Services.GetRequiredService<AppState>().LoadAsync();
        var page = Render<ChatPage>();

        Assert.Empty(page.FindAll("select[aria-label=Model]"));
        await SendAsync(page, "Which storm?");

        page.WaitForAssertion(() => Assert.Null(Assert.Single(Api.ChatRequests).Model));
    }

    [Fact]
    public async Task An_administrator_chooses_the_default_model_and_the_retrieval_depth_and_sees_the_configuration_lines()
    {
        Api.Settings = new ChatSettings("alpha", ["alpha", "bravo"], 5, true, ["ChatRag__DefaultDecoder=alpha", "ChatRag__Chat__Sources=5"]);
        await Services.GetRequiredService<AppState>().LoadAsync();
        var page = Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#default-decoder")));
        await page.Find("#default-decoder").ChangeAsync(new() { Value = "bravo" });
        await page.Find("#retrieval-depth").ChangeAsync(new() { Value = "8" });
        await page.Find("form.settings-form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Answer settings saved.", page.Find(".settings-form + [role=status]").TextContent));
        Assert.Equal(new UpdateChatSettings("bravo", 8), Assert.Single(Api.SettingsUpdates));
        Assert.Equal(
            "ChatRag__DefaultDecoder=bravo\nChatRag__Chat__Sources=8",
            page.Find("pre[aria-label='Answer settings as configuration']").TextContent);
    }

    [Fact]
    public async Task A_collection_scoped_key_sees_the_answer_settings_read_only()
    {
        Api.Settings = new ChatSettings("alpha", ["alpha", "bravo"], 5, false, ["ChatRag__DefaultDecoder=alpha", "ChatRag__Chat__Sources=5"]);
        await Services.GetRequiredService<AppState>().LoadAsync();
        var page = Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Equal(["alpha", "5"], page.FindAll(".settings-read-only dd").Select(d => d.TextContent)));
        Assert.Empty(page.FindAll("form.settings-form"));
        Assert.Empty(page.FindAll("#default-decoder"));
    }
}
