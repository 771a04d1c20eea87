using System.Text;
using System.Text.Json.Nodes;
using ChatRag.Decoder.Onnx.Tokenization;
using ChatRag.Onnx.Synthesis.Decoder;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// Our SentencePiece-style BPE (Phi-3.5 / Llama 2 layout) against Hugging Face's Rust tokenizers on the synthetic
/// tokenizer.json and on Metaspace variants of it.
/// </summary>
public sealed class SentencePieceTokenizerTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("chatrag-sp-").FullName;

    public static TheoryData<string> Samples => new()
    {
        "hello world",
        "Hello World, and you? It's the user's assistant; they'll say: we'd've",
        "<|system|>\nYou are helpful.<|end|>\n<|user|>\nhello<|end|>\n<|assistant|>\n",
        "  leading spaces\n\n\ttabs   and  runs   \r\n",
        "trailing space ",
        "numbers 12345 and 3.14159, code: {\"a\": [1, 2]}",
        "émigré café naïve Ünïcödé",
        "日本語のテキスト 中文 한국어",
        "emoji 🙂👍🏽 family 👨‍👩‍👧 flags 🇳🇱",
        "<|endoftext|>",
        "mixed\u00a0nbsp and tokens<|end|>glued<|user|>",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void EncodeAndDecodeMatchHuggingFaceTokenizers(string text)
    {
        var path = Path.Combine(dir, "tokenizer.json");
        SyntheticSentencePieceTokenizer.Write(dir);
        AssertSameAsReference(path, text);
    }

    [Theory]
    [InlineData("first", false)]
    [InlineData("first", true)]
    [InlineData("always", false)]
    [InlineData("always", true)]
    [InlineData("never", true)]
    public void MetaspacePreTokenizerMatchesHuggingFaceTokenizers(string scheme, bool split)
    {
        // The newer Llama/Mistral conversion: no normaliser, a Metaspace pre-tokenizer and Metaspace decoder.
        var json = SyntheticSentencePieceTokenizer.Build(out _);
        json["normalizer"] = null;
        json["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = scheme, ["split"] = split };
        json["decoder"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = scheme, ["split"] = split };
        var path = Path.Combine(dir, $"metaspace-{scheme}-{split}.json");
        File.WriteAllText(path, json.ToJsonString());

        foreach (var text in Samples)
        {
            AssertSameAsReference(path, text);
        }
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void StrippingAddedTokensMatchHuggingFaceTokenizers(bool lstrip, bool rstrip)
    {
        var json = SyntheticSentencePieceTokenizer.Build(out _);
        foreach (var token in json["added_tokens"]!.AsArray())
        {
            token!["lstrip"] = lstrip;
            token["rstrip"] = rstrip;
        }

        var path = Path.Combine(dir, $"strip-{lstrip}-{rstrip}.json");
        File.WriteAllText(path, json.ToJsonString());

        AssertSameAsReference(path, "hello  <|user|>\n  hi <|end|> \n<|assistant|>  world\t<|end|>");
    }

    [Theory]
    [InlineData("model", "type", "Unigram")]
    [InlineData("pre_tokenizer", "type", "Whitespace")]
    [InlineData("normalizer", "type", "Lowercase")]
    public void UnsupportedComponentsFailAtLoad(string section, string key, string value)
    {
        var json = SyntheticSentencePieceTokenizer.Build(out _);
        json[section] ??= new JsonObject();
        json[section]![key] = value;
        var path = Path.Combine(dir, "unsupported.json");
        File.WriteAllText(path, json.ToJsonString());

        Assert.Throws<NotSupportedException>(() => BpeTokenizer.FromFile(path));
    }

    [Fact]
    public void RoundTripsTextWithoutUnknownCharacters()
    {
        SyntheticSentencePieceTokenizer.Write(dir);
        var tokenizer = BpeTokenizer.FromFile(Path.Combine(dir, "tokenizer.json"));
        const string text = "Hello 世界, émigré 🙂!\n  indented";

        Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
    }

    [Fact]
    public void StreamingAcrossByteFallbackTokensNeverEmitsHalfACharacter()
    {
        SyntheticSentencePieceTokenizer.Write(dir);
        var tokenizer = BpeTokenizer.FromFile(Path.Combine(dir, "tokenizer.json"));
        const string text = "hello 🙂 world 世界👍🏽 café";
        var ids = tokenizer.Encode(text);
        var byteToken = tokenizer.TokenToId("<0xF0>")!.Value;
        Assert.Contains(byteToken, ids); // the emoji really is spelled in byte tokens

        var detokenizer = new IncrementalDetokenizer(tokenizer);
        var deltas = ids.Select(detokenizer.Push).ToList();
        deltas.Add(detokenizer.Flush());

        Assert.Equal(text, string.Concat(deltas)); // leading "▁" stripped once, as Decode does
        Assert.Equal(tokenizer.Decode(ids), string.Concat(deltas));
        Assert.All(deltas, d => Assert.DoesNotContain('\uFFFD', d));
        Assert.Contains("🙂", deltas); // emitted whole when its fourth byte token arrived
        Assert.True(deltas.Count(d => d.Length == 0) >= 3, "the first three bytes of 🙂 must produce nothing");
        Assert.StartsWith("hello", deltas.First(d => d.Length > 0), StringComparison.Ordinal);
    }

    [Fact]
    public void LongWordsWithoutPreTokenizerEncodeQuickly()
    {
        // Without a pre-tokenizer a whole prompt is one word: the merge must not be quadratic. 60k characters with
        // a quadratic merge would take minutes; this is a correctness test that would simply not finish.
        SyntheticSentencePieceTokenizer.Write(dir);
        var tokenizer = BpeTokenizer.FromFile(Path.Combine(dir, "tokenizer.json"));
        var text = string.Concat(Enumerable.Repeat("hello world and the user, with you. ", 1700));

        var ids = tokenizer.Encode(text);

        Assert.Equal(text, tokenizer.Decode(ids));
    }

    public void Dispose() => Directory.Delete(dir, true);

    private static void AssertSameAsReference(string path, string text)
    {
        var ours = BpeTokenizer.FromFile(path);
        var reference = new Tokenizers.DotNet.Tokenizer(vocabPath: path);
        var expected = reference.Encode(text).Select(id => (int)id).ToArray();
        var actual = ours.Encode(text).ToArray();

        Assert.Equal(expected, actual);
        Assert.Equal(reference.Decode([.. expected.Select(i => (uint)i)]), ours.Decode(actual));
        Assert.True(Encoding.UTF8.GetByteCount(text) == 0 || actual.Length > 0);
    }
}
