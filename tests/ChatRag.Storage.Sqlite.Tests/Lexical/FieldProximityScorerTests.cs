using ChatRag.Storage.Sqlite.Lexical.Rescoring;

namespace ChatRag.Storage.Sqlite.Tests.Lexical;

/// <summary>The BM25F + BM25TP scorer on hand-made collections whose chunks differ in one respect only.</summary>
public sealed class FieldProximityScorerTests
{
    private static readonly LexicalRescoring Settings = new() { Enabled = true };

    [Fact]
    public void A_title_match_outranks_a_body_only_match_of_the_same_term_at_equal_lengths()
    {
        // Same terms, same length, same title length: only where "cell" sits differs.
        RescoringCandidate[] chunks =
        [
            new(1, ["a", "b", "x", "y", "cell", "z"], TitleTerms: 2),
            new(2, ["cell", "b", "x", "y", "a", "z"], TitleTerms: 2),
        ];

        var ranked = FieldProximityScorer.Rank(chunks, ["cell"], _ => 2, Statistics(chunks), Settings);

        Assert.Equal([2L, 1L], ranked.Select(r => r.ChunkId));
        Assert.True(ranked[0].Score > ranked[1].Score);
    }

    [Fact]
    public void Adjacent_query_terms_outrank_the_same_terms_far_apart()
    {
        RescoringCandidate[] chunks =
        [
            new(1, ["protein", "a", "b", "c", "d", "e", "f", "g", "fold"], TitleTerms: 0),
            new(2, ["a", "b", "c", "protein", "fold", "d", "e", "f", "g"], TitleTerms: 0),
        ];

        var ranked = FieldProximityScorer.Rank(chunks, ["protein", "fold"], _ => 2, Statistics(chunks), Settings);

        Assert.Equal([2L, 1L], ranked.Select(r => r.ChunkId));
        Assert.True(ranked[0].Score > ranked[1].Score);
    }

    [Fact]
    public void Without_the_title_weight_and_proximity_equal_chunks_tie_and_keep_chunk_order()
    {
        // The two effects above come from the title field and the pair bonus, not from the ordering itself.
        RescoringCandidate[] chunks =
        [
            new(1, ["a", "b", "x", "y", "cell", "z"], TitleTerms: 2),
            new(2, ["cell", "b", "x", "y", "a", "z"], TitleTerms: 2),
        ];
        var flat = new LexicalRescoring { Enabled = true, TitleWeight = 1, TitleB = 0.75, ProximityWeight = 0 };

        var ranked = FieldProximityScorer.Rank(chunks, ["cell"], _ => 2, new RescoringStatistics(10, 2, 4, 7), flat);

        Assert.Equal([1L, 2L], ranked.Select(r => r.ChunkId));
        Assert.Equal(ranked[0].Score, ranked[1].Score, 12);
    }

    [Fact]
    public void A_chunk_that_is_only_its_first_line_scores_a_number_at_full_body_normalisation()
    {
        // BodyB 1 is allowed; the body of a title-only chunk is empty, so its norm is 0 and 0/0 was NaN.
        RescoringCandidate[] chunks = [new(1, ["cell", "wall"], TitleTerms: 2), new(2, ["a", "cell", "b", "c"], TitleTerms: 1)];
        var full = new LexicalRescoring { Enabled = true, BodyB = 1 };

        var ranked = FieldProximityScorer.Rank(chunks, ["cell", "wall"], _ => 2, Statistics(chunks), full);

        Assert.All(ranked, r => Assert.True(double.IsFinite(r.Score), $"chunk {r.ChunkId} scored {r.Score}"));
    }

    [Fact]
    public void The_pair_bonus_counts_each_pair_of_positions_within_the_window_once()
    {
        // Same words, same positions of the first term; the second chunk has "fold" 1 and 2 away from "protein" where
        // the first has it 6 and 7 away (outside the window of 5): the bonus alone separates them, by 1/1² + 1/2².
        RescoringCandidate[] chunks =
        [
            new(1, ["protein", "a", "b", "c", "d", "e", "fold", "fold"], TitleTerms: 0),
            new(2, ["fold", "protein", "a", "fold", "c", "d", "e", "b"], TitleTerms: 0),
        ];
        var noPairs = new LexicalRescoring { Enabled = true, ProximityWeight = 0 };
        var withPairs = new LexicalRescoring { Enabled = true, ProximityWeight = 1 };

        var plain = FieldProximityScorer.Rank(chunks, ["protein", "fold"], _ => 2, Statistics(chunks), noPairs).ToDictionary(r => r.ChunkId, r => r.Score);
        var paired = FieldProximityScorer.Rank(chunks, ["protein", "fold"], _ => 2, Statistics(chunks), withPairs).ToDictionary(r => r.ChunkId, r => r.Score);

        Assert.Equal(plain[1], paired[1], 12);
        Assert.True(paired[2] > plain[2]);
        Assert.Equal(plain[1], plain[2], 12);
    }

    private static RescoringStatistics Statistics(IReadOnlyList<RescoringCandidate> chunks) => new(
        Chunks: 10,
        AverageTitle: chunks.Average(c => c.TitleTerms),
        AverageBody: chunks.Average(c => c.Terms.Count - c.TitleTerms),
        AverageLength: chunks.Average(c => c.Terms.Count + 1));
}
