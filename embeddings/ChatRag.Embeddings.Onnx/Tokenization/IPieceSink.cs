namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>Receives word-piece ids as the tokenizer produces them; a struct so the hot loop has no virtual calls.</summary>
internal interface IPieceSink
{
    /// <summary>Takes one id; returns false to stop tokenising (truncation).</summary>
    bool Add(int id);
}

/// <summary>Counts pieces without storing them.</summary>
internal struct CountingSink : IPieceSink
{
    public int Count;

    public bool Add(int id)
    {
        Count++;
        return true;
    }
}

/// <summary>Collects pieces up to a limit.</summary>
internal struct ListSink(List<int> ids, int limit) : IPieceSink
{
    public readonly bool Add(int id)
    {
        if (ids.Count >= limit)
        {
            return false;
        }

        ids.Add(id);
        return true;
    }
}
