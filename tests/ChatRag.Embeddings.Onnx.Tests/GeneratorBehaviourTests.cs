using System.Diagnostics.Metrics;
using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Diagnostics;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Runtime;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ChatRag.Embeddings.Onnx.Tests;

[Collection(BundledModelsCollection.Name)]
public sealed class GeneratorBehaviourTests(BundledModelsFixture fixture)
{
    private static readonly string[] MixedLengths =
    [
        "tiny",
        "A considerably longer input sentence that forces the shorter ones in its batch to be padded quite a lot.",
        "medium length text here",
        "x",
        "Retrieval-augmented generation grounds answers in documents that were indexed beforehand, with citations.",
        "two words",
        "The quick brown fox jumps over the lazy dog.",
    ];

    [Fact]
    public void Query_prefix_is_applied_only_to_queries()
    {
        var prefix = fixture.Arctic.Tokenizer.Encode("Represent this sentence for searching relevant passages: hello", 512);
        Assert.Equal(prefix, fixture.Arctic.Tokenize(["hello"], EmbeddingPurpose.Query)[0]);
        Assert.Equal([101, 7592, 102], fixture.Arctic.Tokenize(["hello"], EmbeddingPurpose.Document)[0]);
        Assert.Equal([101, 7592, 102], fixture.MiniLm.Tokenize(["hello"], EmbeddingPurpose.Query)[0]);
    }

    [Fact]
    public async Task Query_embedding_equals_the_prefixed_passage_embedding()
    {
        var query = await fixture.Arctic.GenerateAsync(["solar panels"], EmbeddingPurpose.ForQuery());
        var plain = await fixture.Arctic.GenerateAsync(["solar panels"], EmbeddingPurpose.ForDocument());
        var prefixed = await fixture.Arctic.GenerateAsync(["Represent this sentence for searching relevant passages: solar panels"]);
        AssertClose(prefixed[0], query[0]);
        Assert.NotEqual(plain[0].Vector.ToArray(), query[0].Vector.ToArray());
    }

    [Fact]
    public async Task Batched_results_equal_single_results_in_input_order()
    {
        // Small batches run two at a time: several buckets, padding inside each, order restored at the end.
        using var batched = new OnnxEmbeddingGenerator(fixture.Arctic.Model, new EncoderRuntimeOptions { Provider = EncoderExecutionProvider.Cpu, BatchSize = 3, MaxParallelism = 2 });
        foreach (var generator in new[] { batched, fixture.Arctic, fixture.MiniLm })
        {
            var together = await generator.GenerateAsync(MixedLengths);
            for (var i = 0; i < MixedLengths.Length; i++)
            {
                var alone = await generator.GenerateAsync([MixedLengths[i]]);
                AssertClose(alone[0], together[i]);
            }
        }
    }

    [Fact]
    public async Task A_cancelled_token_stops_before_any_work()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.MiniLm.GenerateAsync(MixedLengths, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Cancellation_is_honoured_between_batches()
    {
        using var oneByOne = new OnnxEmbeddingGenerator(fixture.MiniLm.Model, new EncoderRuntimeOptions { Provider = EncoderExecutionProvider.Cpu, BatchSize = 1 });
        using var cts = new CancellationTokenSource();
        var batches = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EncoderTelemetry.Name && instrument.Name == "chatrag.encoder.sequences")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) =>
        {
            // Cancel as soon as the first batch is done; the rest must not run.
            Interlocked.Increment(ref batches);
            cts.Cancel();
        });
        listener.Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => oneByOne.GenerateAsync(MixedLengths, cancellationToken: cts.Token));
        listener.Dispose();
        Assert.InRange(batches, 1, 2);
    }

    [Fact]
    public async Task Empty_input_gives_empty_output()
    {
        var result = await fixture.MiniLm.GenerateAsync([]);
        Assert.Empty(result);
    }

    [WithoutCudaFact]
    public void Auto_falls_back_to_the_cpu_and_warns_once_for_the_catalog()
    {
        Assert.Equal("CPUExecutionProvider", fixture.MiniLm.ExecutionProvider);
        Assert.Single(fixture.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("CUDA", StringComparison.Ordinal));
    }

    [WithoutCudaFact]
    public void Cuda_only_fails_clearly_without_a_gpu()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new OnnxEmbeddingGenerator(fixture.MiniLm.Model, new EncoderRuntimeOptions { Provider = EncoderExecutionProvider.Cuda }));
        Assert.Contains("CUDA", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_encoder_counts_tokens_with_its_own_tokenizer()
    {
        var arctic = fixture.Encoders.Single(e => e.Space == BundledEncoders.ArcticXs);
        var minilm = fixture.Encoders.Single(e => e.Space == BundledEncoders.MiniLm);
        Assert.Equal(4, arctic.Tokens.CountTokens("Hello, world!"));
        Assert.Equal(512, arctic.Tokens.MaxTokens);
        Assert.Equal(256, minilm.Tokens.MaxTokens);
        Assert.Equal(384, arctic.Dimensions);
    }

    private static void AssertClose(Embedding<float> expected, Embedding<float> actual)
    {
        var a = expected.Vector.Span;
        var b = actual.Vector.Span;
        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.True(Math.Abs(a[i] - b[i]) < 1e-4f, $"component {i}: {a[i]} vs {b[i]}");
        }
    }
}
