using ChatRag.Embeddings.Onnx.Tokenization;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// Expected pieces were derived by hand from BERT's BasicTokenizer + WordPiece definition and checked one by one
/// against vocab.txt (the ids below are the vocab.txt line numbers), never taken from this tokenizer's output.
/// </summary>
[Collection(BundledModelsCollection.Name)]
public sealed class TokenizerParityTests(BundledModelsFixture fixture)
{
    private readonly BertTokenizer tokenizer = BertTokenizer.FromVocabFile(Path.Combine(fixture.ModelsDirectory, "arctic-xs", "vocab.txt"));

    [Theory]
    [InlineData("Café naïve", new[] { "cafe", "naive" }, new[] { 7668, 15743 })]
    [InlineData("CAFÉ  NAÏVE", new[] { "cafe", "naive" }, new[] { 7668, 15743 })]
    [InlineData("Hello, world!", new[] { "hello", ",", "world", "!" }, new[] { 7592, 1010, 2088, 999 })]
    [InlineData("don't", new[] { "don", "'", "t" }, new[] { 2123, 1005, 1056 })]
    [InlineData("3.14159", new[] { "3", ".", "141", "##59" }, new[] { 1017, 1012, 15471, 28154 })]
    [InlineData("$100^2", new[] { "$", "100", "^", "2" }, new[] { 1002, 2531, 1034, 1016 })]
    [InlineData("unaffable", new[] { "una", "##ffa", "##ble" }, new[] { 14477, 20961, 3468 })]
    [InlineData("I love 😀 pizza", new[] { "i", "love", "[UNK]", "pizza" }, new[] { 1045, 2293, 100, 10733 })]
    [InlineData("hel\u0007lo\u0000", new[] { "hello" }, new[] { 7592 })]
    [InlineData("hello\u00A0world\tand\r\nworld", new[] { "hello", "world", "and", "world" }, new[] { 7592, 2088, 1998, 2088 })]
    public void Matches_the_wordpiece_definition(string text, string[] pieces, int[] ids)
    {
        Assert.Equal(pieces, tokenizer.Tokenize(text));
        Assert.Equal([101, .. ids, 102], tokenizer.Encode(text, 512));
    }

    [Fact]
    public void Cjk_ideographs_split_into_single_characters_but_kana_stay_one_word()
    {
        // 日本語 are CJK Unified Ideographs (one word each); テキスト is katakana, so WordPiece splits it greedily.
        Assert.Equal(["日", "本", "語", "テ", "##キ", "##ス", "##ト"], tokenizer.Tokenize("日本語テキスト"));
    }

    [Fact]
    public void Accent_stripping_removes_the_voiced_sound_mark_of_kana_and_decomposes_hangul()
    {
        // NFD turns デ into テ + U+3099 (a nonspacing mark, dropped); 한 decomposes into conjoining jamo.
        Assert.Equal(["テ", "##ー", "##タ"], tokenizer.Tokenize("データ"));
        Assert.Equal(["ᄒ", "##ᅡ", "##ᆫ"], tokenizer.Tokenize("한"));
    }

    [Fact]
    public void Words_over_100_characters_become_unknown()
    {
        Assert.Equal(["[UNK]"], tokenizer.Tokenize(new string('a', 101)));
        Assert.Equal(["a", "[UNK]", "b"], tokenizer.Tokenize("a " + new string('x', 150) + " b"));
        Assert.DoesNotContain("[UNK]", tokenizer.Tokenize(new string('a', 100)));
    }

    [Fact]
    public void Lower_casing_is_per_character_as_in_the_rust_normaliser()
    {
        // sentence-transformers runs Hugging Face's Rust normaliser: no Final_Sigma rule, İ lowers to i + U+0307 (stripped).
        Assert.Equal(["ο", "##δ", "##ο", "##σ"], tokenizer.Tokenize("ΟΔΟΣ"));
        Assert.Equal(["istanbul"], tokenizer.Tokenize("İstanbul"));
    }

    [Fact]
    public void Compatibility_ideographs_decompose_and_unassigned_code_points_are_kept()
    {
        // U+F90A is a CJK compatibility ideograph whose canonical decomposition is 金 (U+91D1, id 1964).
        Assert.Equal([1964], tokenizer.Encode("\uF90A", 8)[1..^1]);
        // U+0378 is unassigned: the Rust normaliser keeps it, so it is a word of its own that WordPiece cannot match.
        Assert.Equal(["hello", "[UNK]"], tokenizer.Tokenize("hello \u0378"));
    }

    [Fact]
    public void Truncation_keeps_cls_and_sep_within_the_limit()
    {
        var ids = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("hello", 50)), 10);
        Assert.Equal(10, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.All(ids[1..^1], id => Assert.Equal(7592, id));
    }

    [Fact]
    public void Counting_excludes_special_tokens_and_ignores_the_limit()
    {
        Assert.Equal(4, tokenizer.CountTokens("Hello, world!"));
        Assert.Equal(600, tokenizer.CountTokens(string.Join(' ', Enumerable.Repeat("hello", 600))));
        Assert.Equal(0, tokenizer.CountTokens(" \t\n"));
    }

    [Fact]
    public void A_cased_tokenizer_keeps_case_and_accents()
    {
        var cased = new BertTokenizer(tokenizer.Vocabulary, lowercase: false);
        Assert.Equal(["[UNK]"], cased.Tokenize("Café"));
        Assert.Equal(["hello"], cased.Tokenize("hello"));
    }
}
