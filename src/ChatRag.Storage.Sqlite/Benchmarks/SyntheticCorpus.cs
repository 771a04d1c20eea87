namespace ChatRag.Storage.Sqlite.Benchmarks;

/// <summary>
/// Text with a Zipfian vocabulary (word of rank r drawn with probability proportional to 1 / r, as in natural
/// language) and queries of content words. Words are letter strings the Porter stemmer leaves distinct.
/// </summary>
/// <remarks>
/// Queries skip the <see cref="FunctionWords"/> most frequent ranks: in real text those are function words, which the
/// query builder drops as stop words, so keeping them would measure a query no user sends through the index. The
/// remaining ranks are still Zipfian, so multi-word queries regularly include words found in a large share of chunks.
/// </remarks>
public sealed class SyntheticCorpus
{
    /// <summary>Most frequent ranks treated as function words (never drawn for queries).</summary>
    public const int FunctionWords = 100;

    private readonly string[] words;
    private readonly double[] cumulative;
    private readonly Random random;

    /// <summary>A vocabulary of <paramref name="vocabulary"/> words with Zipf exponent <paramref name="exponent"/>.</summary>
    public SyntheticCorpus(int vocabulary = 50_000, double exponent = 1.0, int seed = 42)
    {
        random = new Random(seed);
        words = new string[vocabulary];
        cumulative = new double[vocabulary];
        var sum = 0.0;
        for (var rank = 0; rank < vocabulary; rank++)
        {
            words[rank] = Word(rank);
            cumulative[rank] = sum += 1.0 / Math.Pow(rank + 1, exponent);
        }

        for (var rank = 0; rank < vocabulary; rank++)
        {
            cumulative[rank] /= sum;
        }
    }

    /// <summary>A chunk of <paramref name="length"/> words.</summary>
    public string Text(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => words[Rank(0)]));

    /// <summary>A query of <paramref name="length"/> content words (ranks at or beyond <see cref="FunctionWords"/>).</summary>
    public string Query(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => words[Rank(FunctionWords)]));

    /// <summary>A chunk length between <paramref name="min"/> and <paramref name="max"/> words.</summary>
    public int Length(int min, int max) => random.Next(min, max + 1);

    private int Rank(int from)
    {
        var low = from == 0 ? 0.0 : cumulative[from - 1];
        var found = Array.BinarySearch(cumulative, low + (random.NextDouble() * (1 - low)));
        return Math.Min(words.Length - 1, found >= 0 ? found : ~found);
    }

    // "z" + base-20 consonant/vowel syllables of the rank: pronounceable, distinct, and ending in "q" so no Porter suffix rule fires.
    private static string Word(int rank)
    {
        const string Syllables = "babebibobudadedidodufafefifofugagegigogu";
        var text = new System.Text.StringBuilder("z");
        do
        {
            var s = rank % 20;
            text.Append(Syllables, s * 2, 2);
            rank /= 20;
        }
        while (rank > 0);
        return text.Append('q').ToString();
    }
}
