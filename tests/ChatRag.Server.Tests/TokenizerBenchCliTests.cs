using System.Text.Json;
using ChatRag.Decoder.Onnx.Tokenization;
using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Server.Tests;

/// <summary>
/// The CLI's <c>bench tokenizer</c> verb, run as the built <c>chatrag.dll</c> on a synthesized model folder: it counts
/// what it encoded exactly as the tokenizer does. Asserts the counts, never the times.
/// </summary>
public sealed class TokenizerBenchCliTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-tokenizer-bench").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Encodes_the_corpus_it_was_given_and_writes_the_counts()
    {
        var model = DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(DecoderShape.Tiny, DecoderFormat.Genai, OnnxDataType.Float, Path.Combine(root, "tiny"), Seed: 3));
        string[] texts = ["L'été dernier, j'ai visité Montréal.", "Donaudampfschifffahrt 👩‍👩‍👧‍👦 東京", "def add(a, b):\n    return a + b"];
        var corpus = Path.Combine(root, "corpus.json");
        await File.WriteAllTextAsync(corpus, JsonSerializer.Serialize(texts));
        var json = Path.Combine(root, "tokenizer.json.bench");

        var (exit, output) = await LoadBenchCliTests.RunCliAsync("bench", "tokenizer", "--model", model, "--corpus", corpus, "--runs", "2", "--json", json);

        Assert.True(exit == 0, output);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var tokenizer = BpeTokenizer.FromFile(Path.Combine(model, "tokenizer.json"));
        Assert.Equal(texts.Length, result.RootElement.GetProperty("texts").GetInt32());
        Assert.Equal(texts.Sum(t => t.Length), result.RootElement.GetProperty("characters").GetInt64());
        Assert.Equal(texts.Sum(t => tokenizer.Encode(t).Count), result.RootElement.GetProperty("tokens").GetInt64());
        Assert.True(result.RootElement.GetProperty("tokensPerSecond").GetDouble() > 0, output);
        Assert.Contains("first load", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task A_folder_without_tokenizer_json_is_refused_with_exit_code_2()
    {
        var (exit, output) = await LoadBenchCliTests.RunCliAsync("bench", "tokenizer", "--model", root);

        Assert.Equal(2, exit);
        Assert.Contains("tokenizer.json", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task A_malformed_corpus_is_refused_with_exit_code_2_and_the_reason()
    {
        var model = DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(DecoderShape.Tiny, DecoderFormat.Genai, OnnxDataType.Float, Path.Combine(root, "tiny"), Seed: 3));
        var corpus = Path.Combine(root, "corpus.jsonl");
        await File.WriteAllTextAsync(corpus, "{\"_id\": \"1\", \"text\": \"fine\"}\n{not json\n");

        var (exit, output) = await LoadBenchCliTests.RunCliAsync("bench", "tokenizer", "--model", model, "--corpus", corpus);

        Assert.Equal(2, exit);
        Assert.Contains("--corpus could not be read", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
