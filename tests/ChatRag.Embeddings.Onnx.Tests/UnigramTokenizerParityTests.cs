using System.Text.Json.Nodes;
using ChatRag.Embeddings.Onnx.Tokenization;
using ChatRag.Onnx.Synthesis.Encoder;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// The XLM-R SentencePiece Unigram path (Microsoft.ML.Tokenizers plus our special-token template) against Hugging
/// Face's own Rust tokenizer, on a synthetic tokenizer.json in XLM-R's layout and text in several scripts.
/// </summary>
public sealed class UnigramTokenizerParityTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("chatrag-unigram-").FullName;

    public static TheoryData<string> Samples => new()
    {
        "Quelle est la capitale de la France ?",
        "le chat noir est un chat; l'élève a été au café où la mer est bleue",
        "What is the colour of the sea? the black cat",
        "Москва столица, город",
        "Αθήνα πόλη",
        "東京 日本語 中文 大阪",
        "مدينة في",
        "emoji 🙂👍🏽 family 👨‍👩‍👧 flags 🇫🇷 unknowns",
        "  leading spaces\n\n\ttabs   and  runs   \r\n",
        "trailing space ",
        "ﬁn ＡＢ ｐ ① Å no\u00a0break",
        "query: passage: 12345 and 3.14159",
        "la <mask> est bleue</s><s>",
        "a </s> b <s>  c <pad>",
        " ",
        "a\u00a0",
        "x\u200b ",
        "",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Single_texts_match_hugging_face(string text)
    {
        var path = Write(SyntheticUnigramTokenizer.Build(out _));
        var ours = SentencePieceEncoderTokenizer.FromTokenizerJson(path);
        var reference = new Tokenizers.DotNet.Tokenizer(vocabPath: path);

        var expected = reference.Encode(text).Select(id => (int)id).ToArray();

        Assert.Equal(expected, ours.Encode(text, 10_000));
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(null, "always")]
    [InlineData(true, "always")]
    public void Legacy_and_current_metaspace_settings_match_hugging_face(bool? addPrefixSpace, string? prependScheme)
    {
        // Older XLM-R exports say add_prefix_space, newer ones prepend_scheme (some both).
        var json = SyntheticUnigramTokenizer.Build(out _);
        var pre = new JsonObject { ["type"] = "Metaspace", ["replacement"] = SyntheticUnigramTokenizer.Meta };
        if (addPrefixSpace is { } add)
        {
            pre["add_prefix_space"] = add;
        }

        if (prependScheme is not null)
        {
            pre["prepend_scheme"] = prependScheme;
        }

        json["pre_tokenizer"] = pre;
        var path = Write(json);
        var ours = SentencePieceEncoderTokenizer.FromTokenizerJson(path);
        var reference = new Tokenizers.DotNet.Tokenizer(vocabPath: path);

        foreach (var text in Samples)
        {
            Assert.Equal(reference.Encode(text).Select(id => (int)id), ours.Encode(text, 10_000));
        }
    }

    [Fact]
    public void The_precompiled_map_really_normalises()
    {
        // Guards the parity test above: without the map, "ﬁ" and "Ａ" would be unknown; "Ｂ" is not in the map.
        var ours = SentencePieceEncoderTokenizer.FromTokenizerJson(Write(SyntheticUnigramTokenizer.Build(out _)));

        Assert.Equal(["▁fi", "n", "▁", "A", "Ｂ"], ours.Tokenize("ﬁn ＡＢ"));
    }

    [Fact]
    public void Emoji_are_unknown_and_words_are_pieces()
    {
        var ours = SentencePieceEncoderTokenizer.FromTokenizerJson(Write(SyntheticUnigramTokenizer.Build(out _)));

        var ids = ours.Encode("le chat 🙂", 64);

        Assert.Equal(SyntheticUnigramTokenizer.Bos, ids[0]);
        Assert.Equal(SyntheticUnigramTokenizer.Eos, ids[^1]);
        Assert.Contains(SyntheticUnigramTokenizer.Unk, ids);
        Assert.Equal(["▁le", "▁chat", "▁", "🙂"], ours.Tokenize("le chat 🙂"));
    }

    [Fact]
    public void Truncation_keeps_the_special_tokens()
    {
        var ours = SentencePieceEncoderTokenizer.FromTokenizerJson(Write(SyntheticUnigramTokenizer.Build(out _)));
        var full = ours.Encode("le chat noir est un chat de Paris", 10_000);

        var cut = ours.Encode("le chat noir est un chat de Paris", 5);

        Assert.Equal([.. full[..4], SyntheticUnigramTokenizer.Eos], cut);
    }

    [Fact]
    public void Pairs_follow_the_xlm_r_template_and_truncate_the_longer_side()
    {
        var ours = SentencePieceEncoderTokenizer.FromTokenizerJson(Write(SyntheticUnigramTokenizer.Build(out _)));
        var query = ours.Tokenize("le chat").Count;
        var passage = ours.Encode("le chat noir est un chat de Paris et la mer est bleue", 10_000).Length - 2;

        var pair = ours.EncodePair("le chat", "le chat noir est un chat de Paris et la mer est bleue", 12);

        Assert.Equal(12, pair.Ids.Length);
        Assert.Equal(SyntheticUnigramTokenizer.Bos, pair.Ids[0]);
        Assert.Equal([SyntheticUnigramTokenizer.Eos, SyntheticUnigramTokenizer.Eos], pair.Ids[(1 + query)..(3 + query)]);
        Assert.Equal(SyntheticUnigramTokenizer.Eos, pair.Ids[^1]);
        Assert.All(pair.TypeIds, t => Assert.Equal(0, t));
        Assert.True(passage > 12);
    }

    [Theory]
    [InlineData("Quelle est la capitale de la France ?")]
    [InlineData("le chat noir est un chat; l'élève a été au café")]
    [InlineData("Москва столица, город Αθήνα 東京 日本語 مدينة في")]
    [InlineData("ﬁn ＡＢ ① Å no\u00a0break emoji 🙂👍🏽")]
    public void Xlmr_sentencepiece_model_gives_the_ids_of_the_tokenizer_json(string text)
    {
        // The same vocabulary as a .model (SentencePiece's order) and as tokenizer.json (fairseq's): the loader's id
        // mapping must land every piece, unknowns and the special tokens on the tokenizer.json ids.
        var fromModel = SentencePieceEncoderTokenizer.FromSentencePieceModel(SyntheticSentencePieceModel.Write(dir));
        var reference = new Tokenizers.DotNet.Tokenizer(vocabPath: Write(SyntheticUnigramTokenizer.Build(out _)));

        Assert.Equal(reference.Encode(text).Select(id => (int)id), fromModel.Encode(text, 10_000));
        Assert.Equal(SyntheticUnigramTokenizer.Pad, fromModel.PadId);
    }

    public void Dispose() => Directory.Delete(dir, true);

    private string Write(JsonObject json)
    {
        var path = Path.Combine(dir, $"tokenizer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
