using ChatRag.Chat.Citations;
using ChatRag.Chat.Extractive;

namespace ChatRag.Chat.Tests.Extractive;

/// <summary>The shape of an extractive answer: whole sentences, one or two, best first, list items kept, headings out, documents named.</summary>
public sealed class ExtractiveShapeTests
{
    [Fact]
    public async Task A_title_abbreviation_does_not_cut_the_quoted_sentence()
    {
        var sources = Sources.Of("The museum opened in 1872. The director, Dr. Amara Okafor, has run it since 2019 with a budget of 14.7 million euros.");

        var answer = await Quote.AnswerAsync("Who is the director?", sources, 2);

        Assert.Contains("The director, Dr. Amara Okafor, has run it since 2019 with a budget of 14.7 million euros. [1]", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_item_that_answers_is_quoted_alone_as_a_list_item()
    {
        var sources = Sources.Of(
            "# GPT-3\nGPT-3 est un modèle de langage publié par OpenAI en 2020.\nCaractéristiques :\n- 175 milliards de paramètres\n- 96 couches de décodeur\n- une fenêtre de 2048 jetons");

        var answer = await Quote.AnswerAsync("Combien de paramètres possède GPT-3 ?", sources, 2);

        Assert.Contains("- 175 milliards de paramètres [1] — *doc1.txt*", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("96 couches", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("2048", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sentence_that_fits_the_question_type_comes_first_and_headings_stay_out()
    {
        var sources = Sources.Of(
            "Opening of the Harrow museum\nThe opening of the Harrow museum drew large crowds.\nThe Harrow museum opened in March 1872.",
            "Harrow museum staff\nThe museum employs twelve guides.");

        var answer = await Quote.AnswerAsync("When was the Harrow museum opened?", sources, 2);

        var lines = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExtractiveAnswerer.Preface, lines[0]);
        Assert.StartsWith("The Harrow museum opened in March 1872. [1]", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Opening of the Harrow museum.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Harrow museum staff", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_quote_names_its_document_and_cites_its_passage()
    {
        var sources = Sources.Of(
            "Bread rises because yeast produces carbon dioxide.",
            "Jupiter's Great Red Spot is a storm larger than Earth.");

        var answer = await Quote.AnswerAsync("What is the Great Red Spot?", sources, 2);

        Assert.Contains("Jupiter's Great Red Spot is a storm larger than Earth. [2] — *doc2.txt*", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Bread", answer, StringComparison.Ordinal);
        var citation = Assert.Single(CitationChecker.Check(answer, sources, 0.3).Citations);
        Assert.Equal(2, citation.Index);
        Assert.True(citation.Supported);
        Assert.Equal("Jupiter's Great Red Spot is a storm larger than Earth.", ExtractiveAnswerer.QuotedText(answer));
    }

    [Fact]
    public async Task Gibberish_gets_a_plain_not_found_with_no_citations()
    {
        var sources = Sources.Of("The bakery opens at 5 a.m. The shift manager checks the ovens.");

        var answer = await Quote.AnswerAsync("asdfgh qwerty", sources, 2);

        Assert.Equal(ExtractiveAnswerer.NotFound, answer);
        Assert.Empty(CitationChecker.Check(answer, sources, 0.3).Citations);
    }

    [Theory]
    [InlineData("Quelle est la capitale de la Mongolie ?", "Je n'ai rien trouvé dans vos documents qui réponde à cette question.")]
    [InlineData("What is the capital of Mongolia?", "I could not find an answer to this question in your documents.")]
    public async Task The_not_found_statement_is_in_the_questions_language(string question, string expected)
    {
        var sources = Sources.Of("La boulangerie ouvre à 5 heures. The shift manager checks the ovens.");

        var answer = await Quote.AnswerAsync(question, sources, 2);

        Assert.Equal(expected, answer);
    }
}
