using ChatRag.Chat.Citations;
using ChatRag.Chat.Tests.Support;
using ChatRag.Chat.Text;

namespace ChatRag.Chat.Tests.Citations;

/// <summary>The embedding support signal with the real bundled encoder and the default thresholds.</summary>
[Collection(BundledEncoderCollection.Name)]
public sealed class SemanticSupportTests(BundledEncoderFixture fixture)
{
    private const string Passage =
        "The trial enrolled 420 adults with stage 1 hypertension. Regular aerobic exercise lowered systolic blood pressure by 8 mmHg after twelve weeks. " +
        "Participants cycled or walked briskly for forty minutes, four days a week.";

    private static readonly GroundedChatOptions Defaults = new();

    [Fact]
    public async Task A_paraphrase_with_few_shared_words_is_supported_by_its_embedding()
    {
        // Measured with arctic-xs: lexical 0.14, cosine 0.712 (threshold 0.65); the unrelated claim below: cosine 0.538.
        const string answer = "Endurance training cut the systolic readings of hypertensive patients [1].";
        var sources = Sources.Of(Passage);
        Assert.True(LexicalScorer.Support(CitationChecker.StripMarkers(answer), Passage) < Defaults.SupportThreshold, "the lexical score alone would flag it");

        var result = await CitationChecker.CheckAsync(answer, sources, Defaults.SupportThreshold, fixture.Scorer, Defaults.SemanticSupportThreshold);

        var claim = Assert.Single(Assert.Single(result.Citations).Claims);
        Assert.True(claim.SemanticScore >= Defaults.SemanticSupportThreshold, $"cosine {claim.SemanticScore}");
        Assert.True(claim.Supported);
    }

    [Fact]
    public async Task An_unrelated_claim_is_flagged_by_both_signals()
    {
        const string answer = "The Eiffel Tower was finished in 1889 for the World's Fair [1].";

        var result = await CitationChecker.CheckAsync(answer, Sources.Of(Passage), Defaults.SupportThreshold, fixture.Scorer, Defaults.SemanticSupportThreshold);

        var citation = Assert.Single(result.Citations);
        var claim = Assert.Single(citation.Claims);
        Assert.True(claim.SemanticScore < Defaults.SemanticSupportThreshold, $"cosine {claim.SemanticScore}");
        Assert.False(claim.Supported);
        Assert.False(citation.Supported);
    }

    [Fact]
    public async Task A_sentence_the_words_already_support_is_not_embedded()
    {
        const string answer = "Regular aerobic exercise lowered systolic blood pressure [1].";

        var result = await CitationChecker.CheckAsync(answer, Sources.Of(Passage), Defaults.SupportThreshold, fixture.Scorer, Defaults.SemanticSupportThreshold);

        var claim = Assert.Single(Assert.Single(result.Citations).Claims);
        Assert.True(claim.Supported);
        Assert.Null(claim.SemanticScore);
    }

    [Fact]
    public void Windows_are_each_sentence_and_each_pair_of_neighbours()
    {
        var windows = SemanticSupportScorer.Windows("One is here. Two is there. Three is everywhere.");

        Assert.Equal(5, windows.Count);
        Assert.Contains("One is here. Two is there.", windows);
        Assert.Equal(["Single sentence"], SemanticSupportScorer.Windows("Single sentence"));
    }
}
