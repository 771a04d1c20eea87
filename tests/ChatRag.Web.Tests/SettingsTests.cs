using Bunit;
using ChatRag.Contracts.Health;
using ChatRag.Web.Pages;
using ChatRag.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Web.Tests;

public sealed class SettingsTests : WebTestContext
{
    [Fact]
    public async Task Settings_say_what_each_model_does_and_the_configuration_that_selects_it()
    {
        Api.Status = new ServerStatus(new DecoderStatus(false, null, "extractive", "No decoder configured."), ["arctic-xs", "minilm"], ["default"], "default")
        {
            Ocr = new OcrStatus(true, "tesseract", "eng"),
        };
        await Services.GetRequiredService<AppState>().LoadAsync();

        var page = Render<SettingsPage>();

        var roles = page.FindAll(".model-role").Select(r => r.TextContent).ToList();
        Assert.Contains(roles, r => r.Contains("quote the best-matching passages", StringComparison.Ordinal));
        Assert.Contains(roles, r => r.Contains("Their rankings are fused.", StringComparison.Ordinal));
        Assert.Contains(roles, r => r.Contains("scanned PDFs", StringComparison.Ordinal));
        Assert.Equal(["arctic-xs", "minilm"], page.FindAll(".encoders .model-name").Select(e => e.TextContent));
        var config = page.Find(".config-lines").TextContent.Split('\n');
        Assert.Equal("ChatRag__Encoder__Models__0=arctic-xs", config[0]);
        Assert.Equal("ChatRag__Encoder__Models__1=minilm", config[1]);
        Assert.StartsWith("ChatRag__Decoder__Kind=None", config[2], StringComparison.Ordinal);
        Assert.Equal("default", page.Find(".collection-name").TextContent);
    }
}
