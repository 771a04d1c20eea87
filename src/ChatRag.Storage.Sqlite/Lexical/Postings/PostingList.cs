namespace ChatRag.Storage.Sqlite.Lexical.Postings;

/// <summary>One term's postings: internal document numbers in ascending order with their term frequencies.</summary>
internal sealed class PostingList
{
    private int[] docs = new int[4];
    private int[] frequencies = new int[4];

    /// <summary>Postings held, tombstones of deleted documents included.</summary>
    public int Length { get; private set; }

    /// <summary>Live documents containing the term (FTS5's "nHit").</summary>
    public int DocumentFrequency { get; set; }

    /// <summary>Largest frequency ever appended: with <see cref="MinDocumentLength"/>, bounds the term's BM25 contribution.</summary>
    public int MaxFrequency { get; private set; }

    /// <summary>Shortest document ever appended (int.MaxValue when none).</summary>
    public int MinDocumentLength { get; set; } = int.MaxValue;

    public ReadOnlySpan<int> Docs => docs.AsSpan(0, Length);

    public ReadOnlySpan<int> Frequencies => frequencies.AsSpan(0, Length);

    /// <summary>Appends a posting; <paramref name="doc"/> must exceed every document already in the list.</summary>
    public void Append(int doc, int frequency, int documentLength)
    {
        if (Length == docs.Length)
        {
            Array.Resize(ref docs, docs.Length * 2);
            Array.Resize(ref frequencies, docs.Length);
        }

        docs[Length] = doc;
        frequencies[Length] = frequency;
        Length++;
        DocumentFrequency++;
        MaxFrequency = Math.Max(MaxFrequency, frequency);
        MinDocumentLength = Math.Min(MinDocumentLength, documentLength);
    }

    /// <summary>Renumbers documents (<c>-1</c>: dropped), keeping order; the bounds stay valid (they only ever loosen).</summary>
    public void Compact(int[] renumber)
    {
        var kept = 0;
        for (var i = 0; i < Length; i++)
        {
            var to = renumber[docs[i]];
            if (to >= 0)
            {
                docs[kept] = to;
                frequencies[kept] = frequencies[i];
                kept++;
            }
        }

        Length = kept;
    }

    /// <summary>First index at or after <paramref name="from"/> whose document is at least <paramref name="doc"/> (galloping search).</summary>
    public int Seek(int from, int doc)
    {
        var span = Docs;
        if (from >= span.Length || span[from] >= doc)
        {
            return from;
        }

        var step = 1;
        var low = from;
        var high = from + 1;
        while (high < span.Length && span[high] < doc)
        {
            low = high;
            step <<= 1;
            high = from + step;
        }

        high = Math.Min(high, span.Length);
        var found = span[(low + 1)..high].BinarySearch(doc);
        return low + 1 + (found >= 0 ? found : ~found);
    }
}
