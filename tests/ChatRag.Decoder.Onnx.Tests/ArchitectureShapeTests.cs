using System.Text.Json;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Sampling;
using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// The Qwen3 and Llama shapes in the genai convention (GroupQueryAttention) compute what their optimum graphs compute
/// with the same weights; the optimum graphs themselves are checked against transformers.js (GenerationParityTests).
/// </summary>
public sealed class ArchitectureShapeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-arch-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("tiny-qwen3", "qwen3")]
    [InlineData("tiny-llama", "llama")]
    public void GenaiGraphGeneratesWhatTheOptimumGraphGenerates(string shape, string modelType)
    {
        var genaiDir = Synthesize(shape, DecoderFormat.Genai);
        var optimumDir = Synthesize(shape, DecoderFormat.Optimum);
        using var genai = DecoderModel.Load(genaiDir, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        using var optimum = DecoderModel.Load(optimumDir, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        var prompt = optimum.Tokenizer.Encode(TinyModels.ChatPrompt);
        var settings = new GenerationSettings { MaxNewTokens = 24, IgnoreEos = true, Sampling = SamplingOptions.Greedy };

        var expected = optimum.Generate(prompt, settings).ToList();

        Assert.Equal(expected, genai.Generate(prompt, settings).ToList());
        Assert.True(expected.Distinct().Count() > 3, "a degenerate model would make the comparison meaningless: " + string.Join(",", expected));
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(optimumDir, "config.json")));
        Assert.Equal(modelType, config.RootElement.GetProperty("model_type").GetString());
        Assert.False(config.RootElement.GetProperty("attention_bias").GetBoolean());
    }

    private string Synthesize(string shape, DecoderFormat format) =>
        DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(DecoderShape.FromName(shape), format, OnnxDataType.Float, Path.Combine(root, shape + format), Seed: 21));
}
