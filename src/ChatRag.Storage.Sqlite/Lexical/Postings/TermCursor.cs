namespace ChatRag.Storage.Sqlite.Lexical.Postings;

/// <summary>A query term's position in its posting list, with its BM25 weight (IDF x occurrences) and score bound.</summary>
internal struct TermCursor(PostingList list, double weight, double upperBound)
{
    private int position;

    public readonly double UpperBound => upperBound;

    /// <summary>Document under the cursor, int.MaxValue once exhausted.</summary>
    public readonly int Current => position < list.Length ? list.Docs[position] : int.MaxValue;

    public void Next() => position++;

    /// <summary>Moves to the first posting at or after <paramref name="doc"/>; true when the term occurs in it.</summary>
    public bool SeekTo(int doc)
    {
        position = list.Seek(position, doc);
        return position < list.Length && list.Docs[position] == doc;
    }

    /// <summary>This term's BM25 contribution to the document under the cursor, given its length normaliser.</summary>
    public readonly double Score(double norm)
    {
        double frequency = list.Frequencies[position];
        return weight * frequency * (Bm25Postings.K1 + 1) / (frequency + norm);
    }
}
