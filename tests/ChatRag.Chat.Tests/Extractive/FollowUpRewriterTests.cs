using ChatRag.Chat.Extractive;

namespace ChatRag.Chat.Tests.Extractive;

public sealed class FollowUpRewriterTests
{
    [Theory]
    [InlineData("What temperature should the walk-in fridge be?", "How many holiday days do employees get?")]
    [InlineData("Pourquoi Böhme enfle-t-il ?", "En quelle année Jakob Böhme tombe-t-il malade ?")]
    [InlineData("Quelle est la croissance moyenne de l'Ouganda dans les années 1990 ?", "Qui dirige l'Ouganda ?")]
    public void A_question_that_names_its_own_subject_is_searched_as_asked(string question, string previous)
    {
        var (query, method, reason) = FollowUpRewriter.Rewrite(question, previous);

        Assert.Equal(question, query);
        Assert.Equal("none", method);
        Assert.Contains("Stands on its own", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who did she replace?", "she")]
    [InlineData("How big is it?", "it")]
    [InlineData("Qui a-t-elle remplacé ? Et que dit celle-ci ?", "celle-ci")]
    public void A_pronoun_that_points_back_brings_in_the_previous_questions_terms(string question, string pronoun)
    {
        var (query, method, reason) = FollowUpRewriter.Rewrite(question, "When did Maria Ostrand become director of the museum?");

        Assert.Equal("terms", method);
        Assert.StartsWith(question, query, StringComparison.Ordinal);
        Assert.Contains("Ostrand", query, StringComparison.Ordinal);
        Assert.Contains($"\"{pronoun}\"", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("and why?")]
    [InlineData("et pourquoi ?")]
    [InlineData("Why?")]
    [InlineData("What about Lyon?")]
    public void An_elliptic_follow_up_brings_in_the_previous_questions_terms(string question)
    {
        var (query, method, reason) = FollowUpRewriter.Rewrite(question, "Quand le musée de Harrow a-t-il fermé ?");

        Assert.Equal("terms", method);
        Assert.Contains("musée", query, StringComparison.Ordinal);
        Assert.Contains("Elliptic", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_question_is_never_rewritten()
    {
        Assert.Equal(("How big is it?", "none", "First question of the conversation."), FollowUpRewriter.Rewrite("How big is it?", null));
    }
}
