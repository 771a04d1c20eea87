using ChatRag.Core.Evaluation;

namespace ChatRag.Core.Tests.Evaluation;

public sealed class AnswerMetricsTests
{
    [Theory]
    [InlineData("L’Ouganda est surnommé la perle de l'Afrique.", "l'ouganda")]
    [InlineData("une croissance de 6,5 %  dans les années", "6,5 % dans")]
    [InlineData("It costs 1\u00A0000 euros.", "1 000 euros")]
    public void Gold_spans_match_across_case_apostrophes_and_spacing(string text, string span) => Assert.True(AnswerMetrics.ContainsAny(text, [span]));

    [Fact]
    public void A_span_that_is_not_there_or_empty_does_not_match() => Assert.False(AnswerMetrics.ContainsAny("Saturn has rings.", ["Jupiter", string.Empty]));

    [Fact]
    public void Calibration_picks_the_bar_that_refuses_the_most_unanswerable_while_keeping_answerable_found()
    {
        AnswerOutcome[] outcomes =
        [
            new("a1", true, true, true, true, 100, 0.8, 0.7),
            new("a2", true, true, true, true, 100, 0.6, 0.62),
            new("a3", true, true, false, true, 100, 0.45, 0.66),
            new("u1", false, true, false, false, 100, 0.2, 0.7), // refused by support
            new("u2", false, true, false, false, 100, 0.7, 0.5), // refused by cosine
            new("u3", false, true, false, false, 100, 0.9, 0.9), // looks answerable: cannot be refused
        ];

        var (support, cosine) = AnswerMetrics.Calibrate(outcomes, 1.0);
        var report = AnswerMetrics.Summarise(outcomes, support, cosine, QuerySplit.All, 0);

        Assert.Equal(1.0, report.FoundOnAnswerable);
        Assert.Equal(2 / 3.0, report.NotFoundOnUnanswerable, 3);
        Assert.InRange(support, 0.2 + 1e-9, 0.45);
        Assert.InRange(cosine, 0.5 + 1e-9, 0.62);
        Assert.Equal(2 / 3.0, report.AnswerHasGold, 3);
    }
    [Fact]
    public void Calibration_keeps_min_found_when_a_rule_beyond_the_thresholds_refused_an_answerable_question()
    {
        AnswerOutcome[] outcomes =
        [
            new("a1", true, true, true, true, 100, 0.3, 0.6),
            new("a2", true, false, false, false, 100, 0.9, 0.9), // refused whatever the thresholds (no asked word found)
            new("a3", true, true, true, true, 100, 0.5, 0.7),
            new("u1", false, true, false, false, 100, 0.4, 0.65),
        ];

        var (support, cosine) = AnswerMetrics.Calibrate(outcomes, 2 / 3.0);
        var report = AnswerMetrics.Summarise(outcomes, support, cosine, QuerySplit.All, 0);

        Assert.Equal(2 / 3.0, report.FoundOnAnswerable, 3);
    }
}
