using ChatRag.TextAnalysis.Analysis;

namespace ChatRag.TextAnalysis.Tests.Analysis;

public sealed class FrenchAnalysisTests
{
    [Theory]
    [InlineData("l'homme", "homme")]
    [InlineData("d'abord", "abord")]
    [InlineData("qu'il", "il")]
    [InlineData("jusqu'ici", "ici")]
    [InlineData("lorsqu'elle", "elle")]
    [InlineData("s\u2019arrête", "arrête")]
    public void Elided_articles_and_pronouns_are_removed(string elided, string bare)
    {
        Assert.Equal(TextAnalyzer.IndexTerms(bare, "fr"), TextAnalyzer.IndexTerms(elided, "fr"));
    }

    [Fact]
    public void An_apostrophe_that_is_not_an_elision_splits_the_word()
    {
        Assert.Equal(TextAnalyzer.IndexTerms("aujourd hui", "fr"), TextAnalyzer.IndexTerms("aujourd'hui", "fr"));
    }

    [Theory]
    [InlineData("cheval", "chevaux")]
    [InlineData("pomme", "pommes")]
    [InlineData("nationale", "nationales")]
    [InlineData("mange", "mangeaient")]
    [InlineData("mange", "mangerons")]
    [InlineData("chante", "chantaient")]
    [InlineData("élection", "élections")]
    public void Singular_plural_and_verb_forms_meet(string one, string other)
    {
        Assert.Equal(TextAnalyzer.IndexTerms(one, "fr"), TextAnalyzer.IndexTerms(other, "fr"));
    }

    [Fact]
    public void Stemming_still_tells_unrelated_words_apart()
    {
        Assert.NotEqual(TextAnalyzer.IndexTerms("chevaux", "fr"), TextAnalyzer.IndexTerms("chevet", "fr"));
    }

    [Theory]
    [InlineData("élections", "elections")]
    [InlineData("Noël", "noel")]
    [InlineData("ÉCOLE", "ecole")]
    [InlineData("e\u0301te\u0301", "été")]
    public void Accents_are_folded_after_stemming(string accented, string plain)
    {
        var terms = TextAnalyzer.IndexTerms(accented, "fr");

        Assert.Equal(TextAnalyzer.IndexTerms(plain, "fr"), terms);
        Assert.All(terms, t => Assert.True(t.All(char.IsAscii), t));
    }

    [Fact]
    public void Accents_are_read_by_the_stemmer_before_folding()
    {
        // "présidée" stems to "présid" only while the stemmer can see the accented ending; folding first would leave "preside".
        Assert.Equal(TextAnalyzer.IndexTerms("présider", "fr"), TextAnalyzer.IndexTerms("présidée", "fr"));
    }

    [Fact]
    public void Stop_words_are_dropped_from_content_terms_but_kept_in_the_index()
    {
        const string Text = "Le chat est sur la table et il dort";

        Assert.Equal(TextAnalyzer.IndexTerms("chat table dort", "fr"), TextAnalyzer.ContentTerms(Text, "fr"));
        Assert.Equal(9, TextAnalyzer.IndexTerms(Text, "fr").Count);
    }

    [Fact]
    public void Question_words_are_not_content()
    {
        Assert.Equal(TextAnalyzer.IndexTerms("paramètres GPT 3", "fr"), TextAnalyzer.ContentTerms("Combien de paramètres possède GPT-3 ?", "fr").Where(t => t != TextAnalyzer.IndexTerms("possède", "fr")[0]));
    }

    [Fact]
    public void Offsets_point_at_the_source_words()
    {
        const string Text = "L'École d'été";
        var tokens = TextAnalyzer.Tokens(Text, "fr");

        Assert.Equal(["L'École", "d'été"], tokens.Select(t => Text[t.Start..t.End]));
    }
}
