using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRag.Decoder.Onnx.Tokenization;
using ChatRag.Onnx.Synthesis.Decoder;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// Pre-tokenizer shapes found in real tokenizer.json files beyond Qwen and Llama (the real-file parity lives in
/// Reference/RealTokenizerParityTests): DeepSeek-V3's chain of Split regexes, Gemma 3's split after spaces.
/// </summary>
public sealed class PreTokenizerSequenceTests
{
    private const string Text = "Hello world 123456 東京 👩‍👩‍👧 ok!";

    [Fact]
    public void ByteLevelAppliesEverySplitOfASequenceAndKeepsTheTextBetweenMatches()
    {
        var json = SyntheticTokenizer.Build(out _);
        json["pre_tokenizer"] = JsonNode.Parse("""
            {"type": "Sequence", "pretokenizers": [
              {"type": "Split", "pattern": {"Regex": "\\p{N}{1,3}"}, "behavior": "Isolated", "invert": false},
              {"type": "Split", "pattern": {"Regex": "[一-龥぀-ゟ゠-ヿ]+"}, "behavior": "Isolated", "invert": false},
              {"type": "Split", "pattern": {"Regex": "[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+"}, "behavior": "Isolated", "invert": false},
              {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": false}]}
            """);
        var tokenizer = Load(json);

        var ids = tokenizer.Encode(Text);

        // Before: only the first regex's matches were kept, so "Hello world" encoded to nothing.
        Assert.Equal(Text, tokenizer.Decode(ids));
        Assert.Equal(tokenizer.Encode("123").Concat(tokenizer.Encode("456")), tokenizer.Encode("123456"));
    }

    [Theory]
    [InlineData(@"[\p{P}\p{S}]+", @"[\p{P}\p{S}\p{Cs}]+")]
    [InlineData(@"a\p{S}b", @"a[\p{S}\p{Cs}]b")]
    [InlineData(@"[^\p{L}\p{S}]|\[\p{S}", @"[^\p{L}\p{S}\p{Cs}]|\[[\p{S}\p{Cs}]")]
    [InlineData(@"'s|\p{L}+| ?[^\s\p{L}\p{N}]+", @"'s|\p{L}+| ?[^\s\p{L}\p{N}]+")]
    public void SymbolClassesCountSurrogatesAsSymbols(string pattern, string expected) =>
        Assert.Equal(expected, ByteLevelBpeTokenizer.SymbolsIncludeSurrogates(pattern));

    [Fact]
    public void SentencePieceAcceptsASplitMergedWithThePreviousWord()
    {
        var json = SyntheticSentencePieceTokenizer.Build(out _);
        json["pre_tokenizer"] = JsonNode.Parse("""{"type": "Split", "pattern": {"String": " "}, "behavior": "MergedWithPrevious", "invert": false}""");

        var tokenizer = Load(json);

        Assert.NotEmpty(tokenizer.Encode("hello world"));
    }

    private static BpeTokenizer Load(JsonObject json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        return BpeTokenizer.FromJson(document.RootElement);
    }
}
