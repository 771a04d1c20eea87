namespace ChatRag.VectorStore.Qdrant.Tests;

public sealed class SparseTermEncoderTests
{
    [Fact]
    public void Token_hashes_are_stable_fnv1a_values()
    {
        // Published FNV-1a 32-bit test vectors: changing the hash would silently break every stored sparse vector.
        Assert.Equal(0xE40C292Cu, SparseTermEncoder.Hash("a"));
        Assert.Equal(0xBF9CF968u, SparseTermEncoder.Hash("foobar"));
    }

    [Fact]
    public void Tokens_are_lower_cased_letter_and_digit_runs()
    {
        Assert.Equal(["qdrant", "1", "20", "ünïcode", "ok"], SparseTermEncoder.Tokenize("Qdrant 1.20: ÜNÏCODE, ok!"));
    }

    [Fact]
    public void Chinese_and_japanese_runs_become_character_bigrams_and_a_lone_character_a_unigram()
    {
        Assert.Equal(["向量", "量数", "数据", "据库", "db"], SparseTermEncoder.Tokenize("向量数据库db"));
        Assert.Equal(["東京", "タワ", "ワー", "水"], SparseTermEncoder.Tokenize("東京 タワー。水"));
        Assert.Equal(["한국어", "텍스트"], SparseTermEncoder.Tokenize("한국어 텍스트")); // Korean is written with spaces
    }

    [Fact]
    public void A_chinese_query_word_shares_terms_with_a_sentence_containing_it()
    {
        var document = SparseTermEncoder.EncodeDocument("我们使用向量数据库存储嵌入");
        var query = SparseTermEncoder.EncodeQuery("数据库");

        Assert.Equal(query.Indices, query.Indices.Intersect(document.Indices));
    }

    [Fact]
    public void Document_weights_saturate_with_repetition_and_indices_ascend()
    {
        var (indices, values) = SparseTermEncoder.EncodeDocument("rocket rocket rocket fuel");

        Assert.Equal(2, indices.Length);
        Assert.True(indices.SequenceEqual(indices.Order()));
        var rocket = values[Array.IndexOf(indices, SparseTermEncoder.Hash("rocket"))];
        var fuel = values[Array.IndexOf(indices, SparseTermEncoder.Hash("fuel"))];
        Assert.True(rocket > fuel);
        Assert.True(rocket < 3 * fuel, "term frequency must saturate, not grow linearly");
        Assert.True(rocket < SparseTermEncoder.K1 + 1);
    }

    [Theory]
    [InlineData("Plain words, plain words.")]
    [InlineData("Ünïcode MIXED case 42 café-crème 𐐀𐐨 (deseret) 日本語テキスト")]
    [InlineData("水 a日本b 𠀀𠀁 中文English混合 x")]
    public void The_fast_encoder_agrees_with_tokenize_and_hash(string text)
    {
        var expected = SparseTermEncoder.Tokenize(text).Select(SparseTermEncoder.Hash).Distinct().Order().ToArray();

        Assert.Equal(expected, SparseTermEncoder.EncodeDocument(text).Indices);
        Assert.Equal(expected, SparseTermEncoder.EncodeQuery(text).Indices);
    }

    [Fact]
    public void Query_weights_are_one_per_distinct_term()
    {
        var (indices, values) = SparseTermEncoder.EncodeQuery("fuel the rocket, fuel!");

        Assert.Equal(3, indices.Length);
        Assert.All(values, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Empty_text_gives_an_empty_vector()
    {
        Assert.Empty(SparseTermEncoder.EncodeDocument(null).Indices);
        Assert.Empty(SparseTermEncoder.EncodeQuery(" ... ").Indices);
    }
}
