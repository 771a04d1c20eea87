using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Sampling;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class GenerationLoopTests(TinyModels models) : IClassFixture<TinyModels>
{
    private static readonly GenerationSettings Greedy = new() { MaxNewTokens = 40, IgnoreEos = true };

    [Theory]
    [InlineData(KvConvention.SharedBuffer)]
    [InlineData(KvConvention.Concat)]
    public void GreedyWithCacheEqualsFullRecompute(KvConvention convention)
    {
        var model = models[convention];
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);

        var cached = model.Generate(prompt, Greedy).ToList();
        var recomputed = model.Generate(prompt, Greedy with { UseCache = false }).ToList();

        Assert.Equal(40, cached.Count);
        Assert.Equal(recomputed, cached);
        Assert.True(cached.Distinct().Count() > 3, "a degenerate model would make the comparison meaningless: " + string.Join(",", cached));
    }

    [Fact]
    public void GroupQueryAttentionGraphMatchesStandardOpsGraphWithTheSameWeights()
    {
        var prompt = models.Genai.Tokenizer.Encode(TinyModels.ChatPrompt);

        Assert.Equal(models.Optimum.Generate(prompt, Greedy).ToList(), models.Genai.Generate(prompt, Greedy).ToList());
    }

    [Fact]
    public void ModelInfoComesFromMetadataAndConfig()
    {
        Assert.Equal(KvConvention.SharedBuffer, models.Genai.Info.Convention);
        Assert.Equal(KvConvention.Concat, models.Optimum.Info.Convention);
        Assert.Equal(2, models.Genai.Info.Layers);
        Assert.Equal(2, models.Optimum.Info.KvHeads);
        Assert.Equal(16, models.Optimum.Info.HeadDim);
        Assert.Equal("position_ids", models.Optimum.Info.PositionIdsName);
        Assert.Null(models.Genai.Info.PositionIdsName);
        Assert.Contains(models.Genai.Tokenizer.TokenToId("<|im_end|>")!.Value, models.Genai.Info.EosTokenIds);
    }

    [Theory]
    [InlineData(KvConvention.SharedBuffer)]
    [InlineData(KvConvention.Concat)]
    public void SeededSamplingIsReproducible(KvConvention convention)
    {
        var model = models[convention];
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);
        var sampling = new SamplingOptions { Temperature = 1.5f, TopK = 50, TopP = 0.95f, RepetitionPenalty = 1.1f, Seed = 1234 };
        var settings = Greedy with { Sampling = sampling };

        var first = model.Generate(prompt, settings).ToList();
        var second = model.Generate(prompt, settings).ToList();
        var otherSeed = model.Generate(prompt, settings with { Sampling = sampling with { Seed = 99 } }).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void MaxTokensBoundsTheOutput()
    {
        var prompt = models.Genai.Tokenizer.Encode(TinyModels.ChatPrompt);
        var result = new GenerationResult();

        _ = TextGeneration.Stream(models.Genai, prompt, Greedy with { MaxNewTokens = 5 }, [], result).ToList();

        Assert.Equal(5, result.TokenIds.Count);
        Assert.Equal(FinishReason.Length, result.FinishReason);
    }

    [Theory]
    [InlineData(KvConvention.SharedBuffer)]
    [InlineData(KvConvention.Concat)]
    public void StopStringEndsGenerationAndIsNotEmitted(KvConvention convention)
    {
        var model = models[convention];
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);
        var full = new GenerationResult();
        _ = TextGeneration.Stream(model, prompt, Greedy, [], full).ToList();
        var stop = full.Text.Substring(full.Text.Length / 2, 3);
        var expected = full.Text[..full.Text.IndexOf(stop, StringComparison.Ordinal)];

        var stopped = new GenerationResult();
        var streamed = string.Concat(TextGeneration.Stream(model, prompt, Greedy, [stop], stopped));

        Assert.Equal(expected, streamed);
        Assert.Equal(expected, stopped.Text);
        Assert.Equal(FinishReason.StopString, stopped.FinishReason);
        Assert.True(stopped.TokenIds.Count < full.TokenIds.Count);
    }

    [Theory]
    [InlineData(KvConvention.SharedBuffer)]
    [InlineData(KvConvention.Concat)]
    public void CancellationStopsBeforeTheNextStep(KvConvention convention)
    {
        var model = models[convention];
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);
        using var cts = new CancellationTokenSource();
        var received = new List<int>();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var id in model.Generate(prompt, Greedy, cts.Token))
            {
                received.Add(id);
                if (received.Count == 3)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.Equal(3, received.Count);
    }

    [Theory]
    [InlineData(KvConvention.SharedBuffer)]
    [InlineData(KvConvention.Concat)]
    public void SlicingPrefillLogitsInAGraphGivesTheSameTokens(KvConvention convention)
    {
        // The GPU path (logits kept on the device, last row gathered by a second session) forced onto the CPU.
        var directory = convention == KvConvention.SharedBuffer ? models.GenaiDirectory : models.OptimumDirectory;
        using var sliced = DecoderModel.Load(directory, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu, SliceLogitsOnDevice = true });
        var prompt = sliced.Tokenizer.Encode(TinyModels.ChatPrompt);

        Assert.Equal(models[convention].Generate(prompt, Greedy).ToList(), sliced.Generate(prompt, Greedy).ToList());
        Assert.Equal(models[convention].Generate(prompt, Greedy with { UseCache = false }).ToList(), sliced.Generate(prompt, Greedy with { UseCache = false }).ToList());
    }

    [Fact]
    public void ModelDirectoryProbeNeedsATokenizerAndAnOnnxFile()
    {
        Assert.True(DecoderModel.IsModelDirectory(models.GenaiDirectory));
        Assert.True(DecoderModel.IsModelDirectory(models.OptimumDirectory));
        Assert.False(DecoderModel.IsModelDirectory(Path.GetTempPath()));
        Assert.False(DecoderModel.IsModelDirectory(Path.Combine(Path.GetTempPath(), "no-such-model-folder")));
    }
}
