using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;
using Microsoft.AspNetCore.Hosting;

namespace ChatRag.Server.Tests;

/// <summary>The decoder path through the real OnnxChatClient, with the tiny synthetic decoder on the CPU.</summary>
public sealed class ChatOnnxDecoderTests
{
    [Fact]
    public async Task Tiny_synthetic_decoder_answers_generatively_through_the_real_decode_loop()
    {
        var modelDirectory = DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(
            DecoderShape.Tiny, DecoderFormat.Genai, OnnxDataType.Float, Path.Combine(Path.GetTempPath(), "chatrag-chat-tiny-" + Guid.NewGuid().ToString("N")), Seed: 7));
        await using var inner = new ChatRagServerFactory();
        await using var factory = inner.WithWebHostBuilder(b =>
        {
            b.UseSetting("ChatRag:Decoder:ModelPath", modelDirectory);
            b.UseSetting("ChatRag:Decoder:Provider", "Cpu");
            b.UseSetting("ChatRag:Chat:MaxOutputTokens", "16");
        });
        _ = factory.Server;
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
}
