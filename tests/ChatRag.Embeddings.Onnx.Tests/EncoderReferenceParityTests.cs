using System.Numerics.Tensors;
using System.Text.Json;
using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Runtime;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// The bundled encoders against an independent implementation of the same models: transformers.js feature extraction
/// on the same model.onnx and vocabulary, with each model card's pooling and L2 normalisation
/// (tests/reference/encoder-embeddings.json, written by tests/reference/encoders.mjs). Relative checks (a paraphrase
/// beats an unrelated text) pass with a wrong pooling or a shifted token; these cannot.
/// </summary>
[Collection(BundledModelsCollection.Name)]
public sealed class EncoderReferenceParityTests(BundledModelsFixture fixture)
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "encoder-embeddings.json")));
        return document.RootElement.Clone();
    });

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var result in Reference.Value.GetProperty("results").EnumerateArray())
        {
            data.Add(result.GetProperty("encoder").GetString()!, result.GetProperty("name").GetString()!, result.GetProperty("purpose").GetString()!);
        }

        return data;
    }

    [Fact]
    public void The_reference_covers_both_encoders_and_every_kind_of_text()
    {
        var results = Reference.Value.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["arctic-xs", "minilm"], results.Select(r => r.GetProperty("encoder").GetString()).Distinct().Order());
        Assert.Contains(results, r => r.GetProperty("purpose").GetString() == EmbeddingPurpose.Query);
        // The long text really is cut at each model's limit, so truncation is compared too.
        Assert.Equal(512, Find("arctic-xs", "long-truncated", EmbeddingPurpose.Document).GetProperty("ids").GetArrayLength());
        Assert.Equal(256, Find("minilm", "long-truncated", EmbeddingPurpose.Document).GetProperty("ids").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Token_ids_equal_transformers_js(string encoder, string name, string purpose)
    {
        var expected = Find(encoder, name, purpose).GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        Assert.Equal(expected, Generator(encoder).Tokenize([Text(name)], purpose)[0]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Embedding_matches_transformers_js(string encoder, string name, string purpose)
    {
        var expected = Vector(Find(encoder, name, purpose));

        var actual = await Generator(encoder).GenerateAsync([Text(name)], purpose == EmbeddingPurpose.Query ? EmbeddingPurpose.ForQuery() : EmbeddingPurpose.ForDocument());

        var cosine = TensorPrimitives.CosineSimilarity(expected, actual[0].Vector.Span);
        Assert.True(cosine >= 0.9999, $"{encoder}/{name}/{purpose}: cosine {cosine:F6} with transformers.js");
    }

    [Theory]
    [InlineData("arctic-xs")]
    [InlineData("minilm")]
    public async Task A_mixed_batch_matches_transformers_js_text_by_text(string encoder)
    {
        // One call with short, empty and truncated texts together: padding and length buckets must not leak into a vector.
        var cases = Reference.Value.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("encoder").GetString() == encoder && r.GetProperty("purpose").GetString() == EmbeddingPurpose.Document)
            .ToList();

        var actual = await Generator(encoder).GenerateAsync([.. cases.Select(c => Text(c.GetProperty("name").GetString()!))], EmbeddingPurpose.ForDocument());

        Assert.Equal(cases.Count, actual.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var cosine = TensorPrimitives.CosineSimilarity(Vector(cases[i]), actual[i].Vector.Span);
            Assert.True(cosine >= 0.9999, $"{encoder}/{cases[i].GetProperty("name").GetString()} in a batch: cosine {cosine:F6}");
        }
    }

    internal static IEnumerable<(string Name, string Text)> Texts() =>
        Reference.Value.GetProperty("texts").EnumerateArray().Select(t => (t.GetProperty("name").GetString()!, t.GetProperty("text").GetString()!));

    internal static string Text(string name) => Texts().Single(t => t.Name == name).Text;

    private OnnxEmbeddingGenerator Generator(string encoder) => encoder == "arctic-xs" ? fixture.Arctic : fixture.MiniLm;

    private static float[] Vector(JsonElement result) =>
        [.. result.GetProperty("embedding").EnumerateArray().Select(e => e.GetSingle())];

    private static JsonElement Find(string encoder, string name, string purpose) =>
        Reference.Value.GetProperty("results").EnumerateArray().Single(r =>
            r.GetProperty("encoder").GetString() == encoder && r.GetProperty("name").GetString() == name && r.GetProperty("purpose").GetString() == purpose);
}
