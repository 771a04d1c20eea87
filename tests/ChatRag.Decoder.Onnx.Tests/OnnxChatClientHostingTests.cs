using ChatRag.Core.Conversations;
using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Hosting;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class OnnxChatClientHostingTests(TinyModels models) : IClassFixture<TinyModels>
{
    [Fact]
    public async Task AddOnnxChatClientAnswersWithTheTinyModelAndItsDetectedTemplate()
    {
        using var provider = Services(new() { ["ChatRag:Decoder:ModelPath"] = models.GenaiDirectory, ["ChatRag:Decoder:Provider"] = "Cpu" });
        var client = provider.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync("hello world", new ChatOptions { MaxOutputTokens = 8 });

        Assert.NotNull(client.GetService<FunctionInvokingChatClient>());
        Assert.NotNull(client.GetService<OnnxChatClient>());
        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 1, 8);
        Assert.NotNull(response.FinishReason);
    }

    [Fact]
    public void TheClientCountsPromptTokensWithTheModelsTokenizerAndReportsItsContext()
    {
        using var provider = Services(new() { ["ChatRag:Decoder:ModelPath"] = models.GenaiDirectory, ["ChatRag:Decoder:Provider"] = "Cpu", ["ChatRag:Decoder:MaxLength"] = "48" });
        var client = provider.GetRequiredService<IChatClient>();

        // Through FunctionInvokingChatClient, as the chat orchestrator asks for it.
        var counter = client.GetService<IPromptTokenCounter>();

        Assert.NotNull(counter);
        Assert.InRange(counter.ContextTokens, 1, 48);
        Assert.InRange(counter.CountTokens("hello world"), 1, 11);
        Assert.True(counter.CountTokens("hello world hello world hello world") > counter.CountTokens("hello world"));
    }

    [Theory]
    [InlineData("ChatRag:Decoder:MaxConcurrency", "0")]
    [InlineData("ChatRag:Decoder:MaxLength", "4")]
    [InlineData("ChatRag:Decoder:ModelPath", "")]
    public void InvalidOptionsFailValidation(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["ChatRag:Decoder:ModelPath"] = models.GenaiDirectory, [key] = value };
        using var provider = Services(settings);

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OnnxDecoderOptions>>().Value);
    }

    /// <summary>The real Qwen template and parser under FunctionInvokingChatClient, with scripted model output.</summary>
    [Fact]
    public async Task QwenToolCallFromScriptedOutputIsInvoked()
    {
        var generator = new ScriptedTextGenerator(prompt => prompt.Contains("<tool_response>", StringComparison.Ordinal)
            ? ["The answer ", "is 42."]
            : ["<tool", "_call>\n{\"name\": \"lookup\", \"arg", "uments\": {\"q\": \"life\"}}\n</tool_call>"]);
        string? asked = null;
        var tool = AIFunctionFactory.Create((string q) => { asked = q; return 42; }, "lookup");
        using var inner = new OnnxChatClient(generator, ChatTemplates.ForFamily("qwen2.5"));
        using var client = new ChatClientBuilder(inner).UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync("What is the answer?", new ChatOptions { Tools = [tool] });

        Assert.Equal("life", asked);
        Assert.Equal("The answer is 42.", response.Text);
        Assert.Contains("lookup", generator.Prompts[0], StringComparison.Ordinal); // the tool was declared in the prompt
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddOnnxChatClient(configuration);
        return services.BuildServiceProvider();
    }
}
