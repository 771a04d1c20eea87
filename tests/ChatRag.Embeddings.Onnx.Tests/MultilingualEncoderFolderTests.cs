using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval;
using ChatRag.Embeddings.Onnx.Hosting;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Runtime;
using ChatRag.Embeddings.Onnx.Tokenization;
using ChatRag.Onnx.Synthesis.Encoder;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// A synthetic XLM-R-shaped folder (Unigram tokenizer.json, input_ids + attention_mask graph, e5 prefixes, mean
/// pooling) loads through the real catalogue, embeds, and votes in the real hybrid searcher on French queries, while an
/// encoder that declares English only stays out of them.
/// </summary>
public sealed class MultilingualEncoderFolderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-xlmr-").FullName;

    [Fact]
    public async Task Xlmr_folder_loads_with_its_tokenizer_prefixes_and_mean_pooling()
    {
        SyntheticEncoderFolder.WriteEncoder(Path.Combine(root, "xlmr"), dimensions: 24);
        using var catalog = Catalog("xlmr");

        var encoder = Assert.Single(catalog.Encoders);
        var generator = Assert.IsType<OnnxEmbeddingGenerator>(encoder.Generator);
        Assert.IsType<SentencePieceEncoderTokenizer>(generator.Tokenizer);
        Assert.Equal(EncoderPooling.Mean, generator.Pooling);
        Assert.Equal(24, encoder.Dimensions);
        Assert.Null(encoder.Languages);

        // e5's prefixes: the query ids are those of "query: " + text, the passage ids those of "passage: " + text.
        var query = generator.Tokenize(["la mer"], EmbeddingPurpose.Query)[0];
        var passage = generator.Tokenize(["la mer"], EmbeddingPurpose.Document)[0];
        Assert.Equal(generator.Tokenizer.Encode("query: la mer", 128), query);
        Assert.Equal(generator.Tokenizer.Encode("passage: la mer", 128), passage);

        var vectors = await generator.GenerateAsync(["le chat noir", "le chat noir", "Москва столица"], EmbeddingPurpose.ForDocument());
        Assert.Equal(vectors[0].Vector.ToArray(), vectors[1].Vector.ToArray());
        Assert.Equal(1.0, Norm(vectors[0].Vector.Span), 3);
        Assert.NotEqual(vectors[0].Vector.ToArray(), vectors[2].Vector.ToArray());
    }

    [Fact]
    public void Maximum_length_comes_from_encoder_json_and_keeps_the_closing_token()
    {
        SyntheticEncoderFolder.WriteEncoder(Path.Combine(root, "xlmr"));
        var model = EncoderModel.Load(Path.Combine(root, "xlmr"));
        var longText = string.Join(' ', Enumerable.Repeat("le chat noir est un chat", 100));

        var ids = model.Tokenizer.Encode(longText, model.Config.MaxTokens);

        Assert.Equal(128, ids.Length);
        Assert.Equal(SyntheticUnigramTokenizer.Bos, ids[0]);
        Assert.Equal(SyntheticUnigramTokenizer.Eos, ids[^1]);
    }

    [Theory]
    [InlineData("Quelle est la capitale de la France ?")]
    [InlineData("What is the colour of the sea?")]
    public async Task A_multilingual_encoder_votes_on_french_and_english_queries_and_an_english_one_only_on_english(string query)
    {
        SyntheticEncoderFolder.WriteEncoder(Path.Combine(root, "xlmr"), seed: 3);
        SyntheticEncoderFolder.WriteEncoder(Path.Combine(root, "english"), seed: 5, languages: ["en"]);
        using var catalog = Catalog("xlmr", "english");
        var repository = new InMemoryDocumentRepository();
        var vectors = new BruteForceVectorIndex();
        var indexer = new ChunkIndexer(catalog, vectors);
        await indexer.EnsureSpacesAsync();
        foreach (var text in new[] { "Paris est la capitale de la France.", "The colour of the sea is blue.", "Москва столица, город", "東京 日本" })
        {
            await indexer.IndexAsync(await repository.AddDocumentAsync(new NewDocument(Guid.NewGuid(), text, "default", text), [new NewChunk(0, text)]));
        }

        var searcher = new HybridSearcher(catalog, vectors, new ScanningLexicalIndex(repository), repository, Options.Create(new RetrievalOptions()));
        var french = QueryLanguage.Detect(query) == "fr";

        var response = await searcher.SearchAsync(new SearchRequest(query, ["default"], Top: 4));

        var signals = response.Results.SelectMany(r => r.SignalRanks.Keys).ToHashSet();
        Assert.Contains("dense:xlmr", signals);
        Assert.Equal(!french, signals.Contains("dense:english"));
        Assert.Contains(french ? "capitale" : "sea", response.Results[0].Chunk.Text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, true);

    private OnnxEncoderCatalog Catalog(params string[] names) => new(Options.Create(new OnnxEncoderOptions
    {
        ModelsDirectory = root,
        Models = names,
        Provider = EncoderExecutionProvider.Cpu,
        ExtractBundledModels = false,
    }));

    private static double Norm(ReadOnlySpan<float> vector)
    {
        var sum = 0.0;
        foreach (var v in vector)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }
}
