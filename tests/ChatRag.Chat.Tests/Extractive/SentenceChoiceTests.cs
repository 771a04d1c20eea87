using ChatRag.Chat.Extractive;

namespace ChatRag.Chat.Tests.Extractive;

/// <summary>
/// Which sentences an extractive answer quotes: the neighbour that holds what the question asks for, the retriever's
/// top passage over a lower one that merely repeats the question's words, and the analysis language of a question
/// whose own language is unclear.
/// </summary>
public sealed class SentenceChoiceTests
{
    [Fact]
    public async Task The_next_sentence_is_quoted_when_it_holds_the_number_a_combien_question_asks_for()
    {
        var sources = Sources.Of(
            "L'opération Torch mobilisa des hommes venus de trois continents. Ils étaient au total quelque 37 000. La flotte partit de Gibraltar.");

        var answer = await Quote.AnswerAsync("Combien d'hommes ont pris part à l'opération ?", sources, 2);

        var lines = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("L'opération Torch mobilisa des hommes venus de trois continents. [1]", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Ils étaient au total quelque 37 000. [1]", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Gibraltar", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Combien d'hommes ont pris part à l'opération ?", "L'opération Torch mobilisa 37 000 hommes. La flotte comptait 300 navires.")]
    [InlineData("Pourquoi l'opération Torch a-t-elle eu lieu ?", "L'opération Torch ouvrit un second front. Elle mobilisa 37 000 hommes.")]
    public async Task No_neighbour_is_added_when_the_best_sentence_fits_or_the_question_asks_for_no_kind(string question, string passage)
    {
        var sources = Sources.Of(passage);

        var answer = await Quote.AnswerAsync(question, sources, 2);

        Assert.Single(answer.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
    }

    [Fact]
    public async Task A_sentence_of_the_top_passage_comes_before_a_slightly_closer_wording_in_a_lower_passage()
    {
        var sources = Sources.Of(
            "The river port was built by the Romans to ship grain to the capital.",
            "Tourists visit the old town every summer.",
            "Who built the river port is still disputed.");

        var answer = await Quote.AnswerAsync("Who built the river port?", sources, 1);

        Assert.Contains("The river port was built by the Romans to ship grain to the capital. [1]", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("disputed", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_bar_judges_the_best_matching_sentence_not_the_quote_order()
    {
        var sources = Sources.Of(
            "The river port was built by the Romans to ship grain to the capital.",
            "Tourists visit the old town every summer.",
            "Who built the river port is still disputed.");

        var ranked = await SentenceRanker.RankAsync("Who built the river port?", sources, null);

        Assert.Equal(1, ranked.Best!.Source);
        Assert.Equal(3, ranked.EvidenceBest!.Source);
    }

    [Fact]
    public async Task A_question_in_no_clear_language_is_analysed_in_its_passages_language()
    {
        var sources = Sources.Of("Julius Nyerere dirigeait la Tanzanie de 1964 à 1985, après l'indépendance du pays.");

        var ranked = await SentenceRanker.RankAsync("Qui dirigeait la Tanzanie en 1967 ?", sources, null);

        // As French, "qui", "la" and "en" are stop words and weigh nothing; read as no language they were the question's
        // rarest words (absent from the passage) and sank the support under the default bar of 0.25.
        Assert.True(ranked.SourceSupport[0] >= 0.25, $"support {ranked.SourceSupport[0]:0.00}");
        Assert.True(Answerability.Judge(ranked, 0.25, 0.52).Found);
    }
    [Fact]
    public async Task A_near_miss_whose_words_other_than_names_occur_in_no_passage_is_not_found()
    {
        // Many sentences without the name, so the name's words weigh enough to pass the support bar on their own.
        var sources = Sources.Of(
            "Patrick Kane a rejoint les Blackhawks de Chicago en 2007.",
            "Le hockey sur glace se joue sur une patinoire. Une équipe aligne six joueurs. Un match dure soixante minutes. "
            + "La rondelle est en caoutchouc vulcanisé. Les arbitres sifflent les pénalités. Le gardien protège le but.");

        var ranked = await SentenceRanker.RankAsync("Quelle est la pointure de Patrick Kane ?", sources, null);
        var evidence = Answerability.Judge(ranked, 0.25, 0.52);

        Assert.True(ranked.SourceSupport[0] >= 0.25, $"support {ranked.SourceSupport[0]:0.00}");
        Assert.False(ranked.AskedTermsFound);
        Assert.False(evidence.Found);
        Assert.Contains("other than names", evidence.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("En quelle année Patrick Kane rejoint-il les Blackhawks ?")]
    [InlineData("Quel club Patrick Kane a-t-il rejoint ?")]
    public async Task A_question_whose_other_words_occur_in_the_passages_passes_that_check(string question)
    {
        var sources = Sources.Of("Patrick Kane a rejoint les Blackhawks de Chicago en 2007.");

        var ranked = await SentenceRanker.RankAsync(question, sources, null);

        Assert.True(ranked.AskedTermsFound);
        Assert.DoesNotContain("other than names", Answerability.Judge(ranked, 0.25, 0.52).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quelle est la pointure de Patrick Kane ?", "patrick kane")]
    [InlineData("Où est l'Ouganda ?", "ouganda")]
    [InlineData("Who runs the canteen of the Rhein-Neckar Löwen?", "rhein neckar lowen")]
    [InlineData("Combien de pandas vivent au zoo ?", "")]
    public void Name_terms_are_the_capitalised_words_after_the_first(string question, string expected)
    {
        var language = ChatRag.TextAnalysis.Languages.TextLanguage.Detect(question) ?? "fr";
        var names = QuestionNames.TermsOf(question, language);

        var want = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Text.Terms.Of(w, language)).ToHashSet();
        Assert.Equal(want.OrderBy(t => t), names.OrderBy(t => t));
    }

    [Fact]
    public void A_german_question_has_no_name_terms_since_every_noun_is_capitalised()
    {
        // "Gesetz" is a noun, not a name: treating it as one left only "verabschiedet" to be found in the passages.
        Assert.Empty(QuestionNames.TermsOf("Wann wurde das Gesetz vom Bundestag verabschiedet?", "de"));
    }
}
