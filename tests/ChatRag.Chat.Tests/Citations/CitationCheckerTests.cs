using ChatRag.Chat.Citations;

namespace ChatRag.Chat.Tests.Citations;

public sealed class CitationCheckerTests
{
    private static readonly IReadOnlyList<Core.Retrieval.RetrievedChunk> Two = Sources.Of(
        "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.",
        "Saturn's rings are made mostly of ice particles.");

    [Fact]
    public void Maps_each_number_to_its_source_with_text_and_offsets()
    {
        var result = CitationChecker.Check("Jupiter is the largest planet [1]. Saturn's rings are mostly ice [2].", Two, 0.5);

        Assert.Equal([1, 2], result.Citations.Select(c => c.Index));
        Assert.Equal(Two[0].Chunk.Id, result.Citations[0].ChunkId);
        Assert.Equal(Two[1].Chunk.Text, result.Citations[1].Text);
        Assert.Equal(Two[1].Chunk.StartOffset, result.Citations[1].StartOffset);
        Assert.Equal(2, result.Citations[1].Page);
        Assert.All(result.Citations, c => Assert.True(c.Supported));
    }

    [Fact]
    public void Drops_numbers_that_point_nowhere()
    {
        var result = CitationChecker.Check("Jupiter is the largest planet [1][9]. Rings [2, 7].", Two, 0.3);

        Assert.Equal([7, 9], result.Dropped);
        Assert.DoesNotContain("[9]", result.Answer, StringComparison.Ordinal);
        Assert.Contains("[2]", result.Answer, StringComparison.Ordinal);
        Assert.Equal([1, 2], result.Citations.Select(c => c.Index));
    }

    [Fact]
    public void Flags_a_sentence_its_source_does_not_support()
    {
        var result = CitationChecker.Check("Jupiter has a Great Red Spot storm [1]. Bananas grow on volcanic islands in winter [2].", Two, 0.3);

        var supported = Assert.Single(result.Citations, c => c.Index == 1);
        var unsupported = Assert.Single(result.Citations, c => c.Index == 2);
        Assert.True(supported.Supported);
        Assert.False(unsupported.Supported);
        Assert.StartsWith("Bananas", unsupported.Claims[0].Sentence, StringComparison.Ordinal);
        Assert.True(unsupported.Score < 0.3);
    }

    [Fact]
    public void Claim_offsets_point_into_the_answer()
    {
        var result = CitationChecker.Check("First claim about Jupiter [1]. Second claim about rings [2].", Two, 0.1);

        foreach (var claim in result.Citations.SelectMany(c => c.Claims))
        {
            Assert.Equal(claim.Sentence, CitationChecker.StripMarkers(result.Answer[claim.Start..claim.End]));
        }
    }

    [Theory]
    [InlineData("Jupiter is the largest planet [\u0661].")]
    [InlineData("Jupiter is the largest planet [1, \u0662].")]
    [InlineData("Jupiter is the largest planet [\u0967\u0968].")]
    public void Markers_with_non_ascii_digits_are_plain_text_as_the_stream_shows_them(string answer)
    {
        // \d matched Arabic-Indic and Devanagari digits: the marker vanished from the final text (the streamed
        // deltas kept it) and -1 was reported as a dropped source number.
        var result = CitationChecker.Check(answer, Two, 0.3);

        Assert.Equal(answer, result.Answer);
        Assert.Empty(result.Dropped);
        Assert.Empty(result.Citations);
        Assert.Equal(new StreamingCitationFilter(Two.Count).Push(answer), result.Answer);
    }
}
