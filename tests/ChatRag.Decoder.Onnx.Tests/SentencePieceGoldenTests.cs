using System.Text.Json.Nodes;
using ChatRag.Decoder.Onnx.Tokenization;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// Encodings derived by hand from a handcrafted SentencePiece-style tokenizer.json (the derivation is in each
/// test's comment), then checked against Hugging Face's Rust tokenizers as well.
/// </summary>
public sealed class SentencePieceGoldenTests : IDisposable
{
    // Added token ids follow the vocabulary densely, as Hugging Face renumbers any that leave a gap.
    // ids: 0 <unk>, 1 <s>, 2 </s>, 3..10 byte tokens, 11 "▁", then characters and merge results.
    private static readonly string[] Vocabulary =
    [
        "<unk>", "<s>", "</s>", "<0x0A>", "<0xE4>", "<0xB8>", "<0xAD>", "<0xF0>", "<0x9F>", "<0x99>", "<0x82>",
        "▁", "h", "e", "l", "o", "w", "r", "d", "i", // 11..19
        "▁h", "ll", "▁he", "▁hell", "▁hello", "or", "▁w", "▁wor", "▁worl", "▁world", "▁▁", // 20..30
    ];

    private static readonly string[] Merges =
    [
        "▁ h", "l l", "▁h e", "▁he ll", "▁hell o", "o r", "▁ w", "▁w or", "▁wor l", "▁worl d", "▁ ▁",
    ];

    private readonly string dir = Directory.CreateTempSubdirectory("chatrag-sp-golden-").FullName;

    private const int User = 31;
    private const int End = 32;
    private const int Assistant = 33;

    [Theory]
    // "▁hello▁world": ranks 0..4 build ▁hello, ranks 5..9 build ▁world.
    [InlineData("hello world", new[] { 24, 29 })]
    // "\n" is not in the vocabulary: its byte token <0x0A>.
    [InlineData("hello\n", new[] { 24, 3 })]
    // 中 = E4 B8 AD, all three byte tokens exist; the prefix "▁" stays alone.
    [InlineData("中", new[] { 11, 4, 5, 6 })]
    // 🙂 = F0 9F 99 82.
    [InlineData("🙂", new[] { 11, 7, 8, 9, 10 })]
    // é = C3 A9 has no byte tokens here: unknown, and fuse_unk makes "éé" one <unk>.
    [InlineData("éé", new[] { 11, 0 })]
    // "▁▁▁hi": (▁,h) has rank 0 so it merges before the leftmost (▁,▁) of rank 10.
    [InlineData("  hi", new[] { 30, 20, 19 })]
    // Added tokens split first; the piece "\nhello" still gets its own "▁" (Phi-3's "▁" + <0x0A> after <|user|>),
    // and "h e" has no merge without the "▁".
    [InlineData("<|user|>\nhello<|end|>", new[] { User, 11, 3, 12, 13, 21, 15, End })]
    // rstrip on <|assistant|> swallows the newline and spaces after it.
    [InlineData("<|assistant|>\n  hello", new[] { Assistant, 24 })]
    public void EncodesAsDerivedByHand(string text, int[] expected)
    {
        var path = Write();

        Assert.Equal(expected, SentencePieceBpeTokenizer.FromFile(path).Encode(text));
        Assert.Equal(expected, new Tokenizers.DotNet.Tokenizer(vocabPath: path).Encode(text).Select(i => (int)i));
    }

    [Theory]
    [InlineData(new[] { 24, 29 }, "hello world")] // the decoder's Strip removes the prefix space
    [InlineData(new[] { 11, 4, 5, 6 }, "中")] // "▁" -> " " stripped, bytes fused into one character
    [InlineData(new[] { 24, 3, 26 }, "hello\n w")]
    [InlineData(new[] { 4, 5, 6, 24 }, "中 hello")]
    // A broken byte run (E4 B8, then no AD) becomes one U+FFFD per byte, as the ByteFallback decoder writes it.
    [InlineData(new[] { 24, 4, 5, 24 }, "hello\uFFFD\uFFFD hello")]
    [InlineData(new[] { 24, 4, 5, 6, 4 }, "hello\uFFFD\uFFFD\uFFFD\uFFFD")]
    [InlineData(new[] { User, 11, 3, 24, End }, "\n hello")] // specials skipped; " \n hello" loses only its first space
    public void DecodesAsDerivedByHand(int[] ids, string expected)
    {
        var tokenizer = SentencePieceBpeTokenizer.FromFile(Write());

        Assert.Equal(expected, tokenizer.Decode(ids));
        Assert.Equal(expected, new Tokenizers.DotNet.Tokenizer(vocabPath: Write()).Decode([.. ids.Select(i => (uint)i)]));
    }

    [Fact]
    public void ByteLevelFilesStillLoadAsByteLevel()
    {
        var path = Path.Combine(dir, "byte-level.json");
        File.WriteAllText(path, ChatRag.Onnx.Synthesis.Decoder.SyntheticTokenizer.Build(out _).ToJsonString());

        Assert.IsType<ByteLevelBpeTokenizer>(BpeTokenizer.FromFile(path));
        Assert.IsType<SentencePieceBpeTokenizer>(BpeTokenizer.FromFile(Write()));
    }

    public void Dispose() => Directory.Delete(dir, true);

    private string Write()
    {
        var vocab = new JsonObject();
        for (var i = 0; i < Vocabulary.Length; i++)
        {
            vocab[Vocabulary[i]] = i;
        }

        var merges = new JsonArray([.. Merges.Select(m => JsonValue.Create(m))]);
        var json = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray(
                Added(0, "<unk>", false), Added(1, "<s>", false), Added(2, "</s>", false),
                Added(User, "<|user|>", false), Added(End, "<|end|>", false), Added(Assistant, "<|assistant|>", true)),
            ["normalizer"] = JsonNode.Parse("""{"type":"Sequence","normalizers":[{"type":"Prepend","prepend":"▁"},{"type":"Replace","pattern":{"String":" "},"content":"▁"}]}"""),
            ["pre_tokenizer"] = null,
            ["post_processor"] = null,
            ["decoder"] = JsonNode.Parse("""{"type":"Sequence","decoders":[{"type":"Replace","pattern":{"String":"▁"},"content":" "},{"type":"ByteFallback"},{"type":"Fuse"},{"type":"Strip","content":" ","start":1,"stop":0}]}"""),
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["unk_token"] = "<unk>", ["fuse_unk"] = true, ["byte_fallback"] = true,
                ["vocab"] = vocab, ["merges"] = merges,
            },
        };
        var path = Path.Combine(dir, "tokenizer.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static JsonObject Added(int id, string content, bool rstrip) => new()
    {
        ["id"] = id, ["content"] = content, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = rstrip,
        ["normalized"] = false, ["special"] = true,
    };
}
