using ChatRag.Chat.Citations;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Tests.Citations;

public sealed class SemanticSupportScorerTests
{
    [Fact]
    public async Task A_claim_citing_several_passages_is_embedded_once_and_scored_against_each()
    {
        var generator = new RecordingGenerator(new HashingEmbeddingGenerator());
        var scorer = new SemanticSupportScorer(generator);
        const string claim = "Exercise lowers blood pressure.";

        var scores = await scorer.ScoreAsync([(claim, "Exercise lowers blood pressure in adults."), (claim, "The tower is tall.")]);

        Assert.Equal(2, scores.Count);
        Assert.True(scores[0] > scores[1]);
        Assert.Equal([claim], generator.Batches[0]);
    }

    private sealed class RecordingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public List<List<string>> Batches { get; } = [];

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var batch = values.ToList();
            Batches.Add(batch);
            return base.GenerateAsync(batch, options, cancellationToken);
        }
    }
}
