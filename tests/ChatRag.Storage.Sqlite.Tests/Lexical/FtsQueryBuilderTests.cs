using ChatRag.Storage.Sqlite.Lexical;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

public sealed class FtsQueryBuilderTests
{
    [Fact]
    public void Words_are_quoted_lower_cased_deduplicated_and_ored()
    {
        Assert.Equal(
            "Scope : (\"k610\") AND Text : (\"near\" OR \"alpha\" OR \"col\" OR \"x\")",
            FtsQueryBuilder.Build("NEAR(alpha* ^Alpha col:x \"near\")", ["a"]));
    }

    [Fact]
    public void Letters_of_any_script_and_digits_are_kept()
    {
        Assert.Equal(["été", "2024", "日本語", "covid", "19"], FtsQueryBuilder.Terms("Été 2024: 日本語 COVID-19!"));
    }

    [Fact]
    public void Combining_accents_stay_inside_their_word()
    {
        Assert.Equal(["e\u0301te\u0301", "x"], FtsQueryBuilder.Terms("E\u0301te\u0301 x"));
    }

    [Fact]
    public void No_words_gives_no_query()
    {
        Assert.Null(FtsQueryBuilder.Build(" \"*^:() 🚀 ", ["a"]));
        Assert.Null(FtsQueryBuilder.Build("words", []));
    }

    [Fact]
    public void Stop_words_are_dropped_unless_nothing_else_is_left()
    {
        Assert.Equal(["effect", "vitamin", "quelle", "hauteur", "tour"], FtsQueryBuilder.SearchTerms("The effect of vitamin D? Quelle est la hauteur de la tour"));
        Assert.Equal(["to", "be", "or", "not"], FtsQueryBuilder.SearchTerms("To be or not to be"));
    }

    [Fact]
    public void Collection_scopes_are_exact_tokens()
    {
        Assert.Equal("k7465616D2D610", FtsSchema.ScopeToken("team-a"));
        Assert.NotEqual(FtsSchema.ScopeToken("team-a"), FtsSchema.ScopeToken("team a"));
        Assert.Equal(
            "Scope : (\"k610\" OR \"k620\") AND Text : (\"x\")",
            FtsQueryBuilder.Build("x", ["a", "b", "a"]));
    }

    [Fact]
    public void Long_queries_are_capped()
    {
        var terms = FtsQueryBuilder.Terms(string.Join(' ', Enumerable.Range(0, 1_000).Select(i => $"w{i}")));

        Assert.Equal(FtsQueryBuilder.MaxTerms, terms.Count);
        Assert.Equal("w0", terms[0]);
    }
}
