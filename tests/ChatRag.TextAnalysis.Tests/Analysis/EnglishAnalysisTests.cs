using ChatRag.TextAnalysis.Analysis;

namespace ChatRag.TextAnalysis.Tests.Analysis;

/// <summary>English keeps what the FTS5 tokenizer <c>porter unicode61 remove_diacritics 2</c> did before the shared analysis.</summary>
public sealed class EnglishAnalysisTests
{
    [Theory]
    [InlineData("The horses were running quickly", "the hors were run quickli")]
    [InlineData("Studies of a study", "studi of a studi")]
    [InlineData("COVID-19 résumé café", "covid 19 resum cafe")]
    [InlineData("don't stop", "don t stop")]
    [InlineData("Jupiter's storm and Jupiter", "jupit s storm and jupit")]
    [InlineData("Jupiter’s storm", "jupit s storm")]
    [InlineData("日本語 text", "日本語 text")]
    public void Words_are_split_folded_and_porter_stemmed_as_before(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', TextAnalyzer.IndexTerms(text, "en")));
    }

    [Fact]
    public void Query_stop_words_are_lucenes_english_set_and_question_words()
    {
        Assert.Equal(["effect", "vitamin", "d", "bone"], TextAnalyzer.ContentTerms("What is the effect of vitamin D on bones?", "en"));
    }

    [Fact]
    public void Decomposed_accents_meet_precomposed_ones()
    {
        Assert.Equal(TextAnalyzer.IndexTerms("résumé", "en"), TextAnalyzer.IndexTerms("re\u0301sume\u0301", "en"));
    }
}
