using ChatRag.Core.Conversations;
using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tools;
using ChatRag.Hosting;
using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>The decoder path through the real OnnxChatClient, with tiny synthetic decoders on the CPU.</summary>
public sealed class ChatOnnxDecoderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-chat-decoder-").FullName;

    [Fact]
    public async Task Tiny_synthetic_decoder_answers_generatively_after_a_tool_round_trip()
    {
        // The tiny shape with a rotary table long enough for the grounded prompt (instructions, tools, sources).
        var dir = Synthesize(DecoderShape.Tiny with { Name = "tiny-long", MaxPositions = 16384 }, seed: 7);
        using var model = DecoderModel.Load(dir, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        // Random weights never write a call, so the first turn's text is scripted; the turn after the tool result is the
        // real decode loop, and only it produces the answer.
        var generator = new FirstTurnScripted(
            new DecoderTextGenerator(model), "<tool_call>\n{\"name\": \"chatrag_search_documents\", \"arguments\": {\"query\": \"Great Red Spot storm\"}}\n</tool_call>");
        await using var inner = new ChatRagServerFactory();
        await using var factory = inner.WithWebHostBuilder(b =>
        {
            b.UseSetting("ChatRag:Chat:MaxOutputTokens", "16");
            // The scripted client replaces the configured decoder as a client registered in code, wrapped as the
            // catalogue wraps every ONNX decoder (tool-call guard, telemetry).
            b.ConfigureTestServices(s => s.AddSingleton<IChatClient>(sp =>
                new ChatClientBuilder(new OnnxChatClient(generator, ChatTemplates.Detect(dir))).UseGuardedFunctionInvocation().UseChatRagTelemetry().Build(sp)));
        });
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.");
        var client = factory.CreateClient();

        var events = await client.StreamAsync(new { message = "What is the Great Red Spot?", stream = true });

        var done = events[^1];
        Assert.Equal("done", done.Name);
        Assert.Equal("generative", done.Data.GetProperty("mode").GetString());
        var trace = done.Data.GetProperty("trace");
        Assert.Equal(generator.ModelId, trace.GetProperty("model").GetString());
        // The call was parsed from the template's Hermes markup and executed against the index.
        var tool = Assert.Single(events, e => e.Name == "tool").Data;
        Assert.Equal("search_documents", tool.GetProperty("name").GetString()); // the kernel plugin prefix is not logged
        Assert.False(tool.GetProperty("failed").GetBoolean());
        Assert.Contains("Great Red Spot", tool.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, generator.Prompts.Count);
        Assert.Contains("Great Red Spot is a storm", generator.Prompts[1], StringComparison.Ordinal);
        // The answer is what the real decoder generated from the prompt with the tool result.
        Assert.NotEmpty(generator.LastIds);
        Assert.Equal(generator.LastText.Trim(), done.Data.GetProperty("answer").GetString());
        Assert.Equal(generator.LastIds.Count, trace.GetProperty("tokens").GetProperty("output").GetInt32());
    }

    [Fact]
    public async Task A_prompt_beyond_the_context_falls_back_to_extractive_but_the_rewrite_runs_on_the_decoder()
    {
        var dir = Synthesize(DecoderShape.Tiny, seed: 7);
        await using var inner = new ChatRagServerFactory();
        await using var factory = inner.WithWebHostBuilder(b =>
        {
            b.UseSetting("ChatRag:Decoder:ModelPath", dir);
            b.UseSetting("ChatRag:Decoder:Provider", "Cpu");
            b.UseSetting("ChatRag:Chat:MaxOutputTokens", "16");
        });
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.");
        var client = factory.CreateClient();

        // The grounded prompt (system rules, tools, sources) is longer than the tiny model's 512-token context, counted
        // with the model's own tokenizer, so the answer falls back to extractive and says why, before the decoder runs.
        var first = await client.AskAsync(new { message = "What is the Great Red Spot?" });
        Assert.Equal("extractive", first.GetProperty("mode").GetString());
        Assert.Contains("context window (512 tokens)", first.GetProperty("trace").GetProperty("note").GetString(), StringComparison.Ordinal);

        // The follow-up rewrite is short enough: the real decode loop generates the standalone query.
        var events = await client.StreamAsync(new { message = "How big is it?", conversationId = first.GetProperty("conversationId").GetGuid(), stream = true });

        Assert.Equal("done", events[^1].Name);
        var trace = events[^1].Data.GetProperty("trace");
        Assert.Equal("model", trace.GetProperty("rewriteMethod").GetString());
        Assert.False(string.IsNullOrWhiteSpace(trace.GetProperty("rewrittenQuery").GetString()));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Synthesize(DecoderShape shape, ulong seed) =>
        DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(shape, DecoderFormat.Genai, OnnxDataType.Float, Path.Combine(root, shape.Name), Seed: seed));

    private sealed class FirstTurnScripted(DecoderTextGenerator real, string firstTurn) : ITextGenerator, IPromptTokenCounter
    {
        public List<string> Prompts { get; } = [];

        public List<int> LastIds { get; private set; } = [];

        public string LastText { get; private set; } = "";

        public string ModelId => real.ModelId;

        public int ContextTokens => real.ContextTokens;

        public int CountTokens(string text) => real.CountTokens(text);

        public IEnumerable<string> Generate(string prompt, GenerationSettings settings, IReadOnlyList<string> stopStrings, GenerationResult result, CancellationToken cancellationToken)
        {
            Prompts.Add(prompt);
            if (Prompts.Count == 1)
            {
                yield return firstTurn;
                yield break;
            }

            var text = new System.Text.StringBuilder();
            foreach (var delta in real.Generate(prompt, settings, stopStrings, result, cancellationToken))
            {
                text.Append(delta);
                yield return delta;
            }

            LastText = text.ToString();
            LastIds = [.. result.TokenIds];
        }
    }
}
