using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tokenization;
using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>A Phi-3.5-like synthetic folder (SentencePiece tokenizer, phi3 config) runs through template, loop and client.</summary>
public sealed class Phi35EndToEndTests : IDisposable
{
    private static readonly GenerationSettings Greedy = new() { MaxNewTokens = 24, IgnoreEos = true };
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-phi-").FullName;

    [Theory]
    [InlineData(DecoderFormat.Genai)]
    [InlineData(DecoderFormat.Optimum)]
    public void TemplateTokenizerAndLoopWorkTogether(DecoderFormat format)
    {
        var dir = Synthesize(format);
        var template = ChatTemplates.Detect(dir);
        using var model = DecoderModel.Load(dir, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        var prompt = template.Render([new ChatMessage(ChatRole.User, "hello world, café 🙂?")], null);
        var ids = model.Tokenizer.Encode(prompt);

        var cached = model.Generate(ids, Greedy).ToList();
        var recomputed = model.Generate(ids, Greedy with { UseCache = false }).ToList();

        Assert.Equal("phi3.5", template.Family);
        Assert.IsType<SentencePieceBpeTokenizer>(model.Tokenizer);
        Assert.Equal(model.Tokenizer.TokenToId("<|user|>"), ids[0]);
        Assert.Equal(model.Tokenizer.TokenToId("<|end|>"), model.Info.EosTokenIds[0]);
        // Every piece between added tokens gets its own "▁" (so "\n" after <|end|> decodes as " \n"), as in Hugging Face.
        Assert.Equal("\nhello world, café 🙂? \n \n", model.Tokenizer.Decode(ids));
        Assert.Equal(recomputed, cached);
        Assert.True(cached.Distinct().Count() > 3, string.Join(",", cached));
    }

    [Fact]
    public async Task ChatClientStreamsTheSameTextItReturns()
    {
        using var client = OnnxChatClient.ForModelDirectory(Synthesize(DecoderFormat.Genai), new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        var options = new ChatOptions { MaxOutputTokens = 16, Temperature = 0 };

        var updates = await client.GetStreamingResponseAsync("hello world", options).ToListAsync();
        var response = await client.GetResponseAsync("hello world", options);

        Assert.Equal(string.Concat(updates.Select(u => u.Text)), response.Text);
        Assert.NotEmpty(response.Text); // random weights: the text itself means nothing, and may hold broken byte runs
    }

    public void Dispose() => Directory.Delete(root, true);

    private string Synthesize(DecoderFormat format) => DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(
        DecoderShape.Tiny, format, OnnxDataType.Float, Path.Combine(root, format.ToString()), Seed: 11, Tokenizer: SyntheticTokenizerKind.SentencePiece));
}
