using ChatRag.TextAnalysis.Analysis;

namespace ChatRag.TextAnalysis.Tests.Analysis;

public sealed class LanguageTableTests
{
    [Theory]
    [InlineData("en", "the", "horses", "horse")]
    [InlineData("fr", "les", "chevaux", "cheval")]
    [InlineData("de", "und", "Häuser", "Haus")]
    [InlineData("es", "los", "ciudades", "ciudad")]
    [InlineData("it", "gli", "ragazzi", "ragazzo")]
    [InlineData("pt", "os", "livros", "livro")]
    [InlineData("nl", "het", "boeken", "boek")]
    public void Every_language_has_its_stop_words_and_stemmer(string language, string stopWord, string plural, string singular)
    {
        Assert.True(TextAnalyzer.IsStopWord(stopWord, language));
        Assert.Empty(TextAnalyzer.ContentTerms(stopWord, language));
        Assert.Equal(TextAnalyzer.IndexTerms(singular, language), TextAnalyzer.IndexTerms(plural, language));
    }

    [Fact]
    public void Stop_words_belong_to_their_language()
    {
        Assert.True(TextAnalyzer.IsStopWord("les", "fr"));
        Assert.False(TextAnalyzer.IsStopWord("les", "en"));
        Assert.True(TextAnalyzer.IsStopWord("the", "en"));
        Assert.False(TextAnalyzer.IsStopWord("the", "fr"));
    }

    [Fact]
    public void The_text_language_adds_its_stop_words_to_another_analysis()
    {
        Assert.Contains("de", TextAnalyzer.ContentTerms("taux de change", "en"));
        Assert.DoesNotContain("de", TextAnalyzer.ContentTerms("taux de change", "en", textLanguage: "fr"));
    }

    [Fact]
    public void Unknown_languages_are_analysed_as_the_default()
    {
        Assert.Equal(TextAnalyzer.IndexTerms("running horses", LanguageProfiles.Default), TextAnalyzer.IndexTerms("running horses", "xx"));
        Assert.Equal(LanguageProfiles.Default, LanguageProfiles.Normalize(null));
    }
}
