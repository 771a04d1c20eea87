using ChatRag.TextAnalysis.Languages;

namespace ChatRag.TextAnalysis.Tests.Languages;

public sealed class TextLanguageTests
{
    [Theory]
    [InlineData("What is the role of the protein in cell growth?", "en")]
    [InlineData("Quelle est la population de la région en 2010 ?", "fr")]
    [InlineData("Wie viele Einwohner hat die Stadt und wo liegt sie?", "de")]
    [InlineData("¿Cuál es la capital de España y dónde está el río?", "es")]
    [InlineData("Chi sono gli autori del libro e quando sono nati?", "it")]
    [InlineData("Qual é a capital do Brasil e quando foi fundada?", "pt")]
    [InlineData("Wat is de hoofdstad van het land en waarom is het bekend?", "nl")]
    [InlineData("BRCA1 mutations", null)]
    public void Detects_each_language_of_the_table(string text, string? expected)
    {
        Assert.Equal(expected, TextLanguage.Detect(text));
    }

    [Fact]
    public void A_chunk_too_neutral_to_tell_takes_its_documents_language()
    {
        var languages = TextLanguage.OfChunks(["Gustave Eiffel", "La tour est à Paris et elle est très haute.", "324 m", "Built for the fair."]);

        Assert.Equal(["fr", "fr", "fr", "en"], languages);
    }

    [Fact]
    public void Without_any_evidence_chunks_take_the_default_language()
    {
        Assert.Equal(["en", "en"], TextLanguage.OfChunks(["BRCA1", "2024"]));
    }
}
