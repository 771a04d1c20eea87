using ChatRag.Decoder.Onnx.Tokenization;

namespace ChatRag.Decoder.Onnx.Tests.Tokenization;

/// <summary>
/// The tokenizers' word cache is bounded: prompts carry document passages, so every distinct word a server ever
/// encoded stayed in memory before (one entry per number, id and name of the corpus).
/// </summary>
public sealed class WordCacheTests
{
    [Fact]
    public void Words_beyond_the_capacity_are_encoded_but_not_kept()
    {
        var encoded = 0;
        var cache = new WordCache(w => { encoded++; return [w.Length]; }, capacity: 100);

        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal([$"w{i}".Length], cache.Get($"w{i}"));
        }

        Assert.Equal(100, cache.Count);
        Assert.Equal(1_000, encoded);
        cache.Get("w5"); // kept: no second encode
        cache.Get("w500"); // not kept: encoded again, still right
        Assert.Equal(1_001, encoded);
    }

    [Fact]
    public void A_tokenizer_keeps_no_more_words_than_its_cache_holds()
    {
        var tokenizer = TinyTokenizer();
        // Letters only: pre-tokenizers split digits apart, so "n123" would be few distinct words.
        var text = string.Join(' ', Enumerable.Range(0, WordCache.DefaultCapacity + 5_000).Select(Letters));

        tokenizer.Encode(text);

        var field = typeof(ByteLevelBpeTokenizer).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Single(f => f.FieldType == typeof(WordCache));
        Assert.Equal(WordCache.DefaultCapacity, ((WordCache)field.GetValue(tokenizer)!).Count);
    }

    private static string Letters(int i)
    {
        var word = new System.Text.StringBuilder("w");
        do
        {
            word.Append((char)('a' + (i % 26)));
            i /= 26;
        }
        while (i > 0);
        return word.ToString();
    }

    private static BpeTokenizer TinyTokenizer()
    {
        var dir = Directory.CreateTempSubdirectory("chatrag-wordcache").FullName;
        try
        {
            var model = ChatRag.Onnx.Synthesis.Decoder.DecoderModelSynthesizer.Synthesize(new ChatRag.Onnx.Synthesis.Decoder.DecoderSynthesisOptions(
                ChatRag.Onnx.Synthesis.Decoder.DecoderShape.Tiny, ChatRag.Onnx.Synthesis.Decoder.DecoderFormat.Genai, ChatRag.Onnx.Synthesis.Graph.OnnxDataType.Float, Path.Combine(dir, "tiny"), Seed: 1));
            return BpeTokenizer.FromFile(Path.Combine(model, "tokenizer.json"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
