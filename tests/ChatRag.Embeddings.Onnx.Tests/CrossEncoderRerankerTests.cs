using ChatRag.Core.Retrieval.Reranking;
using ChatRag.Embeddings.Onnx.Hosting;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Reranking;
using ChatRag.Embeddings.Onnx.Runtime;
using ChatRag.Onnx.Synthesis.Encoder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// The ONNX cross-encoder on synthetic graphs (XLM-R- and BERT-shaped) whose logit is a masked sum of per-token
/// weights, so which passage must win is known: shape, batching, ordering, the budget, and folders that cannot load.
/// </summary>
public sealed class CrossEncoderRerankerTests : IDisposable
{
    private static readonly EncoderRuntimeOptions Cpu = new() { Provider = EncoderExecutionProvider.Cpu };
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-reranker-").FullName;

    private static IReadOnlyList<string> Passages { get; } =
    [
        "le chat noir est un chat",
        "la mer est bleue",
        "Paris est la capitale de la France",
        "the black cat",
        "le pain de la boulangerie",
        "Москва столица",
        "東京 日本",
    ];

    [Theory]
    [InlineData(false, "capitale", 2)]
    [InlineData(true, "bakery", 1)]
    public async Task Scores_one_probability_per_passage_and_the_relevant_passage_wins(bool bert, string word, int expectedBest)
    {
        string[] passages = bert
            ? ["the black cat", "the bakery opens at", "the sea is blue", "paris is the capital of france"]
            : [.. Passages];
        using var reranker = OnnxReranker.Load(SyntheticEncoderFolder.WriteCrossEncoder(Path.Combine(root, "ce"), [word], bert: bert), Cpu, batchSize: 3);

        var scores = await reranker.ScoreAsync("query", passages, () => false);

        Assert.NotNull(scores);
        Assert.Equal(passages.Length, scores.Count);
        Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
        Assert.Equal(expectedBest, scores.Select((s, i) => (s, i)).MaxBy(p => p.s).i);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public async Task Batching_changes_the_number_of_runs_not_the_scores(int batchSize)
    {
        var folder = SyntheticEncoderFolder.WriteCrossEncoder(Path.Combine(root, "ce"), ["chat"]);
        using var one = OnnxReranker.Load(folder, Cpu, batchSize: Passages.Count);
        using var batched = OnnxReranker.Load(folder, Cpu, batchSize: batchSize);
        var reference = await one.ScoreAsync("le chat", Passages, () => false);

        var scores = await batched.ScoreAsync("le chat", Passages, () => false);

        Assert.Equal((Passages.Count + batchSize - 1) / batchSize, batched.BatchesRun);
        Assert.Equal(reference!.Select(s => Math.Round(s, 5)), scores!.Select(s => Math.Round(s, 5)));
    }

    [Fact]
    public async Task A_spent_budget_stops_between_batches_and_returns_nothing()
    {
        using var reranker = OnnxReranker.Load(SyntheticEncoderFolder.WriteCrossEncoder(Path.Combine(root, "ce")), Cpu, batchSize: 2);
        var checks = 0;

        var scores = await reranker.ScoreAsync("le chat", Passages, () => ++checks > 1);

        Assert.Null(scores);
        Assert.Equal(1, reranker.BatchesRun);
    }

    [Fact]
    public async Task Long_pairs_are_truncated_to_the_maximum_length()
    {
        using var reranker = OnnxReranker.Load(SyntheticEncoderFolder.WriteCrossEncoder(Path.Combine(root, "ce"), ["capitale"]), Cpu, maxTokens: 16);
        var longPassage = string.Join(' ', Enumerable.Repeat("la mer est bleue", 50)) + " capitale";

        var scores = await reranker.ScoreAsync("le chat", [longPassage, "capitale"], () => false);

        // The word after the cut never reaches the graph, so the short passage that has it wins.
        Assert.True(scores![1] > scores[0]);
    }

    [Fact]
    public void Missing_model_is_named()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName;
        var ex = Assert.Throws<EncoderFolderException>(() => OnnxReranker.Load(folder, Cpu));
        Assert.Contains("has no model.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedding_graph_is_not_a_cross_encoder()
    {
        var folder = SyntheticEncoderFolder.WriteEncoder(Path.Combine(root, "encoder"));
        var ex = Assert.Throws<EncoderFolderException>(() => OnnxReranker.Load(folder, Cpu));
        Assert.Contains("one relevance logit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_tokenizer_is_named()
    {
        var folder = SyntheticEncoderFolder.WriteCrossEncoder(Path.Combine(root, "ce"));
        File.Delete(Path.Combine(folder, "tokenizer.json"));
        var ex = Assert.Throws<EncoderFolderException>(() => OnnxReranker.Load(folder, Cpu));
        Assert.Contains("neither tokenizer.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_reranker_that_cannot_load_fails_with_the_setting_to_change()
    {
        using var loader = Loader(new RerankerOptions { Model = Path.Combine(root, "nope"), Required = true }, out _);

        var ex = Assert.Throws<EncoderFolderException>(() => loader.Reranker);

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ChatRag:Reranker:Required=false", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_reranker_that_cannot_load_is_disabled_with_a_logged_reason()
    {
        using var loader = Loader(new RerankerOptions { Model = Path.Combine(root, "nope"), Required = false }, out var log);

        Assert.Null(loader.Reranker);
        Assert.Contains("does not exist", loader.DisabledReason, StringComparison.Ordinal);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Reranking is off", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_name_resolves_under_the_models_directory()
    {
        SyntheticEncoderFolder.WriteCrossEncoder(Path.Combine(root, "my-reranker"));
        using var loader = Loader(new RerankerOptions { Model = "my-reranker" }, out _);

        Assert.Equal("my-reranker", loader.Reranker!.Name);
    }

    [Fact]
    public void Options_are_validated()
    {
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new RerankerOptions { Model = "x", Candidates = 1, LatencyBudgetMs = 0 };

        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(RerankerOptions.Candidates)));
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(RerankerOptions.LatencyBudgetMs)));
    }

    public void Dispose() => Directory.Delete(root, true);

    private OnnxRerankerLoader Loader(RerankerOptions options, out ListLogger<OnnxRerankerLoader> log)
    {
        log = new ListLogger<OnnxRerankerLoader>();
        return new OnnxRerankerLoader(
            Options.Create(options),
            Options.Create(new OnnxEncoderOptions { ModelsDirectory = root, Provider = EncoderExecutionProvider.Cpu }),
            log);
    }
}
