using ChatRag.Core.Retrieval;

namespace ChatRag.Core.Tests.Retrieval;

public sealed class QueryLanguageTests
{
    [Theory]
    [InlineData("What is the role of the protein in cell growth?", "en")]
    [InlineData("How does aspirin lower the risk of stroke", "en")]
    [InlineData("Quand a été fondée la ville de Lyon ?", "fr")]
    [InlineData("Quelle est la population de la région en 2010 ?", "fr")]
    [InlineData("Pourquoi les abeilles sont-elles importantes pour l'agriculture", "fr")]
    [InlineData("A quelle date a été publiée la production ?", "fr")]
    [InlineData("Qui arrêta Paul ?", "fr")]
    [InlineData("Où travaille Gilbert Dupont?", "fr")]
    [InlineData("A role for the café in the town", "en")]
    [InlineData("BRCA1 mutations", null)]
    [InlineData("", null)]
    [InlineData("a en", null)]
    public void Detects_english_and_french_and_stays_undecided_without_evidence(string query, string? expected)
    {
        Assert.Equal(expected, QueryLanguage.Detect(query));
    }
}
