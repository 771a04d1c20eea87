using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;
using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// int4 (com.microsoft MatMulNBits) weights and optimum's merged decoder load without loader changes: names, types
/// and the use_cache_branch switch are read from the session metadata.
/// </summary>
public sealed class QuantizedAndMergedModelTests : IDisposable
{
    private static readonly GenerationSettings Greedy = new() { MaxNewTokens = 32, IgnoreEos = true };
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-q4-").FullName;

    [Theory]
    [InlineData(DecoderFormat.Genai, true)]
    [InlineData(DecoderFormat.Optimum, true)]
    [InlineData(DecoderFormat.Genai, false)]
    [InlineData(DecoderFormat.OptimumMerged, true)]
    public void Int4GreedyWithCacheEqualsFullRecompute(DecoderFormat format, bool zeroPoints)
    {
        using var model = Load(Synthesize(format, new WeightQuantization(32, zeroPoints)));
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);

        var cached = model.Generate(prompt, Greedy).ToList();
        var recomputed = model.Generate(prompt, Greedy with { UseCache = false }).ToList();

        Assert.Contains("MatMulNBits", File.ReadAllText(model.Info.ModelPath), StringComparison.Ordinal);
        Assert.Equal(recomputed, cached);
        Assert.True(cached.Distinct().Count() > 3, string.Join(",", cached));
    }

    [Fact]
    public void MergedDecoderSwitchesBranchesAndMatchesThePlainOptimumExport()
    {
        using var merged = Load(Synthesize(DecoderFormat.OptimumMerged, null));
        using var plain = Load(Synthesize(DecoderFormat.Optimum, null));
        var prompt = merged.Tokenizer.Encode(TinyModels.ChatPrompt);

        var cached = merged.Generate(prompt, Greedy).ToList();

        Assert.EndsWith("decoder_model_merged.onnx", merged.Info.ModelPath, StringComparison.Ordinal);
        Assert.Equal("use_cache_branch", merged.Info.UseCacheBranchName);
        Assert.Equal(merged.Generate(prompt, Greedy with { UseCache = false }).ToList(), cached);
        Assert.Equal(plain.Generate(prompt, Greedy).ToList(), cached); // same seed, same weights
    }

    /// <summary>
    /// Same seed, so the int4 weights are the fp32 weights quantised. Asymmetric 4-bit blocks of 32 have a step of
    /// range/15, an error of at most half a step per weight: about 1/15 of a weight's spread in RMS terms, which the
    /// residual stream and 2 layers carry to the logits at roughly that relative size. Measured: 0.125 relative
    /// RMS error, so 0.25 is a generous bound; swapping the nibble order (tried) gives 1.39, and any wrong layout
    /// (transposed blocks, wrong scales) decorrelates the weights the same way.
    /// </summary>
    [Fact]
    public void Int4LogitsStayCloseToFp32Logits()
    {
        var fp32 = PrefillLogits(Synthesize(DecoderFormat.Optimum, null));
        var int4 = PrefillLogits(Synthesize(DecoderFormat.Optimum, new WeightQuantization()));

        double error = 0, norm = 0;
        for (var i = 0; i < fp32.Length; i++)
        {
            error += (fp32[i] - int4[i]) * (fp32[i] - int4[i]);
            norm += fp32[i] * fp32[i];
        }

        var relative = Math.Sqrt(error / norm);
        Assert.InRange(relative, 0.001, 0.25); // above 0.001: the int4 graph really is different
    }

    public void Dispose() => Directory.Delete(root, true);

    private static DecoderModel Load(string dir) => DecoderModel.Load(dir, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });

    private static float[] PrefillLogits(string dir)
    {
        using var model = Load(dir);
        var ids = model.Tokenizer.Encode(TinyModels.ChatPrompt).Select(i => (long)i).ToArray();
        using var session = new InferenceSession(model.Info.ModelPath);
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = OrtValue.CreateTensorValueFromMemory(ids, [1, ids.Length]),
            ["attention_mask"] = OrtValue.CreateTensorValueFromMemory(ids.Select(_ => 1L).ToArray(), [1, ids.Length]),
            ["position_ids"] = OrtValue.CreateTensorValueFromMemory(Enumerable.Range(0, ids.Length).Select(i => (long)i).ToArray(), [1, ids.Length]),
        };
        foreach (var name in model.Info.PastKeyNames.Concat(model.Info.PastValueNames))
        {
            inputs[name] = OrtValue.CreateTensorValueFromMemory(Array.Empty<float>(), [1, model.Info.KvHeads, 0, model.Info.HeadDim]);
        }

        try
        {
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, inputs, ["logits"]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var value in inputs.Values)
            {
                value.Dispose();
            }
        }
    }

    private string Synthesize(DecoderFormat format, WeightQuantization? quantization) => DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(
        DecoderShape.Tiny, format, OnnxDataType.Float, Path.Combine(root, $"{format}-{quantization?.ZeroPoints}-{Guid.NewGuid():N}"), Seed: 7, Quantization: quantization));
}
