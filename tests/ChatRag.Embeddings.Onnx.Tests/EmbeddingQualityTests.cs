using System.Numerics.Tensors;
using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Runtime;
using Microsoft.Extensions.AI;

namespace ChatRag.Embeddings.Onnx.Tests;

[Collection(BundledModelsCollection.Name)]
public sealed class EmbeddingQualityTests(BundledModelsFixture fixture)
{
    public static TheoryData<string> Models => [BundledEncoders.ArcticXs, BundledEncoders.MiniLm];

    private OnnxEmbeddingGenerator Generator(string name) => name == BundledEncoders.ArcticXs ? fixture.Arctic : fixture.MiniLm;

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Paraphrases_score_above_unrelated_pairs(string name)
    {
        var generator = Generator(name);
        var vectors = await generator.GenerateAsync(
        [
            "A man is playing a guitar.",
            "Someone strums an acoustic guitar.",
            "The central bank raised interest rates again.",
            "How do green plants make their food?",
            "Photosynthesis lets plants turn sunlight, water and carbon dioxide into sugar.",
        ]);
        float Sim(int a, int b) => TensorPrimitives.CosineSimilarity(vectors[a].Vector.Span, vectors[b].Vector.Span);

        // arctic-embed's cosines sit in a narrow high band (unrelated text scores about 0.7), so the margin is modest.
        Assert.True(Sim(0, 1) > Sim(0, 2) + 0.1f, $"{name}: paraphrase {Sim(0, 1)} vs unrelated {Sim(0, 2)}");
        Assert.True(Sim(3, 4) > Sim(3, 2) + 0.1f, $"{name}: answer {Sim(3, 4)} vs unrelated {Sim(3, 2)}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Queries_find_their_passage(string name)
    {
        var generator = Generator(name);
        var query = await generator.GenerateAsync(["what causes the seasons on earth"], EmbeddingPurpose.ForQuery());
        var passages = await generator.GenerateAsync(
        [
            "The tilt of Earth's axis changes how directly sunlight strikes each hemisphere over the year.",
            "Sourdough bread rises thanks to wild yeast and lactic acid bacteria.",
            "The football club signed a new goalkeeper this summer.",
        ], EmbeddingPurpose.ForDocument());
        var scores = passages.Select(p => TensorPrimitives.CosineSimilarity(query[0].Vector.Span, p.Vector.Span)).ToArray();
        Assert.Equal(0, Array.IndexOf(scores, scores.Max()));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Vectors_are_unit_length_with_the_declared_dimensions(string name)
    {
        var generator = Generator(name);
        var vectors = await generator.GenerateAsync(["short", "a somewhat longer sentence about retrieval"]);
        Assert.All(vectors, v =>
        {
            Assert.Equal(384, v.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(v.Vector.Span), 4);
        });
        Assert.Equal(384, generator.Metadata.DefaultModelDimensions);
        Assert.Equal(OnnxEmbeddingGenerator.ProviderName, generator.Metadata.ProviderName);
    }

    [Fact]
    public void Pooling_and_limits_follow_each_model_card()
    {
        Assert.Equal(EncoderPooling.Cls, fixture.Arctic.Pooling);
        Assert.Equal(512, fixture.Arctic.Model.Config.MaxTokens);
        Assert.Equal(EncoderPooling.Mean, fixture.MiniLm.Pooling);
        Assert.Equal(256, fixture.MiniLm.Model.Config.MaxTokens);
        Assert.Equal("Snowflake/snowflake-arctic-embed-xs", fixture.Arctic.Metadata.DefaultModelId);
    }
}
