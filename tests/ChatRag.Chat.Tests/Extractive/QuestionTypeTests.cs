using ChatRag.Chat.Extractive;

namespace ChatRag.Chat.Tests.Extractive;

public sealed class QuestionTypeTests
{
    [Theory]
    [InlineData("Combien de paramètres possède GPT-3 ?", AnswerKind.Number)]
    [InlineData("How many holiday days do employees get?", AnswerKind.Number)]
    [InlineData("Quelle est la proportion de femmes dans le Parlement ?", AnswerKind.Number)]
    [InlineData("Quand s'arrête la guerre civile en Ouganda ?", AnswerKind.Date)]
    [InlineData("En quelle année Jakob Böhme tombe-t-il malade ?", AnswerKind.Date)]
    [InlineData("When was the lighthouse built?", AnswerKind.Date)]
    [InlineData("Qui fut la vice-présidente du Parlement ougandais ?", AnswerKind.Person)]
    [InlineData("Who is the director?", AnswerKind.Person)]
    [InlineData("Pourquoi Böhme enfle-t-il ?", AnswerKind.Any)]
    public void The_question_words_name_the_kind_of_answer(string question, AnswerKind kind) => Assert.Equal(kind, QuestionType.Of(question));

    [Fact]
    public void A_sentence_fits_when_it_holds_that_kind_of_content_beyond_what_the_question_names()
    {
        Assert.True(QuestionType.Fits(AnswerKind.Number, "GPT-3 compte 175 milliards de paramètres.", "Combien de paramètres possède GPT-3 ?"));
        Assert.False(QuestionType.Fits(AnswerKind.Number, "GPT-3 est un modèle de langage.", "Combien de paramètres possède GPT-3 ?"));
        Assert.True(QuestionType.Fits(AnswerKind.Date, "Il tombe malade en 1624.", "Quand Böhme tombe-t-il malade ?"));
        Assert.True(QuestionType.Fits(AnswerKind.Date, "Il meurt le 17 novembre.", "Quand meurt-il ?"));
        Assert.False(QuestionType.Fits(AnswerKind.Date, "Il tombe gravement malade.", "Quand Böhme tombe-t-il malade ?"));
        Assert.True(QuestionType.Fits(AnswerKind.Person, "The museum is run by Dr. Amara Okafor.", "Who runs the museum?"));
        Assert.False(QuestionType.Fits(AnswerKind.Person, "The museum is run by a board.", "Who runs the museum?"));
    }
}
