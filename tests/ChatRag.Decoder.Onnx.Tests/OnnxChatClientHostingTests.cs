using ChatRag.Core.Conversations;
using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Hosting;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class OnnxChatClientHostingTests(TinyModels models) : IClassFixture<TinyModels>
{
    [Fact]
    public async Task AddOnnxChatClientAnswersWithTheTinyModelAndItsDetectedTemplate()
    {
        using var provider = Services(new OnnxDecoderSettings { ModelPath = models.GenaiDirectory, Provider = ExecutionProvider.Cpu });
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
        using var provider = Services(new OnnxDecoderSettings { ModelPath = models.GenaiDirectory, Provider = ExecutionProvider.Cpu, MaxLength = 48 });
        var client = provider.GetRequiredService<IChatClient>();

        // Through FunctionInvokingChatClient, as the chat orchestrator asks for it.
        var counter = client.GetService<IPromptTokenCounter>();

        Assert.NotNull(counter);
        Assert.InRange(counter.ContextTokens, 1, 48);
        Assert.InRange(counter.CountTokens("hello world"), 1, 11);
        Assert.True(counter.CountTokens("hello world hello world hello world") > counter.CountTokens("hello world"));
    }

    private static readonly Dictionary<string, Action<OnnxDecoderSettings>> Breaks = new()
    {
        [nameof(OnnxDecoderSettings.MaxConcurrency)] = s => s.MaxConcurrency = 0,
        [nameof(OnnxDecoderSettings.MaxLength)] = s => s.MaxLength = 4,
        [nameof(OnnxDecoderSettings.ModelPath)] = s => s.ModelPath = string.Empty,
    };

    [Theory]
    [InlineData(nameof(OnnxDecoderSettings.MaxConcurrency))]
    [InlineData(nameof(OnnxDecoderSettings.MaxLength))]
    [InlineData(nameof(OnnxDecoderSettings.ModelPath))]
    public void InvalidSettingsAreRefusedNamingTheKey(string key)
    {
        var settings = new OnnxDecoderSettings { ModelPath = models.GenaiDirectory };
        Breaks[key](settings);

        Assert.Contains(key, Assert.Single(settings.Validate("ChatRag:Decoder")), StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOnnxChatClient(settings));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
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

    private static ServiceProvider Services(OnnxDecoderSettings settings)
    {
        var services = new ServiceCollection();
        services.AddOnnxChatClient(settings);
        return services.BuildServiceProvider();
    }
}
