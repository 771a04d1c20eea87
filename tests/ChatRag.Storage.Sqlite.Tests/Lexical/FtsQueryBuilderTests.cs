using ChatRag.Storage.Sqlite.Lexical;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

public sealed class FtsQueryBuilderTests
{
    [Fact]
    public void Terms_are_quoted_analysed_deduplicated_and_ored()
    {
        var terms = FtsQueryBuilder.SearchTerms("NEAR(alpha* ^Alpha col:x \"near\")", ["en"]);

        Assert.Equal(
            "Scope : (\"k610\") AND Text : (\"en_near\" OR \"en_alpha\" OR \"en_col\" OR \"en_x\")",
            FtsQueryBuilder.Build(terms, ["a"]));
    }

    [Fact]
    public void Letters_of_any_script_and_digits_are_kept_and_accents_folded()
    {
        Assert.Equal(["en_resum", "en_2024", "en_日本語", "en_covid", "en_19"], FtsQueryBuilder.SearchTerms("Résumé 2024: 日本語 COVID-19!", ["en"]));
    }

    [Fact]
    public void Combining_accents_are_folded_inside_their_word()
    {
        Assert.Equal(FtsQueryBuilder.SearchTerms("Résumé x", ["en"]), FtsQueryBuilder.SearchTerms("Re\u0301sume\u0301 x", ["en"]));
    }

    [Fact]
    public void No_words_gives_no_query()
    {
        Assert.Empty(FtsQueryBuilder.SearchTerms(" \"*^:() 🚀 ", ["en"]));
        Assert.Null(FtsQueryBuilder.Build([], ["a"]));
        Assert.Null(FtsQueryBuilder.Build(["words"], []));
    }

    [Fact]
    public void Stop_words_are_dropped_unless_nothing_else_is_left()
    {
        Assert.Equal(["en_effect", "en_vitamin", "en_d"], FtsQueryBuilder.SearchTerms("The effect of vitamin D?", ["en"]));
        Assert.Equal(["fr_hauteur", "fr_tour"], FtsQueryBuilder.SearchTerms("Quelle est la hauteur de la tour ?", ["fr"]));
        Assert.Equal(["en_to", "en_be", "en_or", "en_not"], FtsQueryBuilder.SearchTerms("To be or not to be", ["en"]));
    }

    [Fact]
    public void A_query_is_analysed_for_every_language_of_the_chunks_and_drops_its_own_stop_words()
    {
        // French stems for French chunks, English stems for English ones; "de" and "les" are not searched as English words.
        var terms = FtsQueryBuilder.SearchTerms("Combien de protéines contiennent les œufs ?", ["en", "fr"]);

        Assert.Equal(
            FtsQueryBuilder.SearchTerms("Combien de protéines contiennent les œufs ?", ["en"]).Union(FtsQueryBuilder.SearchTerms("Combien de protéines contiennent les œufs ?", ["fr"])).Order(),
            terms.Order());
        Assert.Contains("fr_contiennent", terms);
        Assert.Contains("en_contienn", terms);
        Assert.DoesNotContain("en_de", terms);
        Assert.DoesNotContain("en_les", terms);
        Assert.DoesNotContain("en_combien", terms);
    }

    [Fact]
    public void Without_known_chunk_languages_the_query_language_analyses_it()
    {
        const string French = "Où courent les chevaux de la ferme ?";
        Assert.Equal(FtsQueryBuilder.SearchTerms(French, ["fr"]), FtsQueryBuilder.SearchTerms(French, []));
        Assert.NotEqual(FtsQueryBuilder.SearchTerms(French, ["en"]), FtsQueryBuilder.SearchTerms(French, []));
        Assert.Equal(["en_hors", "en_run"], FtsQueryBuilder.SearchTerms("Where do the horses run?", []));  // "do" is a question auxiliary, not a content word
    }

    [Fact]
    public void Collection_scopes_are_exact_tokens()
    {
        Assert.Equal("k7465616D2D610", FtsSchema.ScopeToken("team-a"));
        Assert.NotEqual(FtsSchema.ScopeToken("team-a"), FtsSchema.ScopeToken("team a"));
        Assert.Equal(
            "Scope : (\"k610\" OR \"k620\") AND Text : (\"x\")",
            FtsQueryBuilder.Build(["x"], ["a", "b", "a"]));
        Assert.Equal("fr_cheval", FtsSchema.Tag("fr", "cheval"));
    }

    [Fact]
    public void Long_queries_are_capped()
    {
        var terms = FtsQueryBuilder.SearchTerms(string.Join(' ', Enumerable.Range(0, 1_000).Select(i => $"w{i}")), ["en"]);

        Assert.Equal(FtsQueryBuilder.MaxTerms, terms.Count);
        Assert.Equal("en_w0", terms[0]);
    }
}
