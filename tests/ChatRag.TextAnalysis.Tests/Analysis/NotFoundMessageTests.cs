using ChatRag.TextAnalysis.Analysis;

namespace ChatRag.TextAnalysis.Tests.Analysis;

/// <summary>The not-found statement is said in the question's language.</summary>
public sealed class NotFoundMessageTests
{
    [Fact]
    public void French_and_english_have_their_own_statement()
    {
        Assert.Equal("Je n'ai rien trouvé dans vos documents qui réponde à cette question.", LanguageProfiles.NotFoundMessage("fr"));
        Assert.Equal("I could not find an answer to this question in your documents.", LanguageProfiles.NotFoundMessage("en"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("xx")]
    public void An_unknown_language_gets_the_default_languages_statement(string? language)
    {
        Assert.Equal(LanguageProfiles.NotFoundMessage(LanguageProfiles.Default), LanguageProfiles.NotFoundMessage(language));
    }

    [Fact]
    public void Every_language_has_a_statement_of_its_own()
    {
        var messages = LanguageProfiles.All.Keys.Select(LanguageProfiles.NotFoundMessage).ToList();
        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
    }
}
