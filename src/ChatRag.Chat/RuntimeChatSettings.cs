namespace ChatRag.Chat;

/// <summary>
/// Chat settings an operator changes while the server runs (persisted by the host, applied here): the retrieval
/// depth overrides <see cref="GroundedChatOptions.Sources"/> when set. The default decoder is held by
/// <see cref="Decoders.DecoderCatalog.SetDefault"/>.
/// </summary>
public sealed class RuntimeChatSettings
{
    // 0 stands for unset, so the value is one int, read and written atomically by concurrent turns.
    private int retrievalDepth;

    /// <summary>Passages retrieved per question (1-50), or null for <c>ChatRag:Chat:Sources</c>.</summary>
    public int? RetrievalDepth
    {
        get => Volatile.Read(ref retrievalDepth) is var depth and > 0 ? depth : null;
        set
        {
            if (value is < 1 or > 50)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The retrieval depth is between 1 and 50.");
            }

            Volatile.Write(ref retrievalDepth, value ?? 0);
        }
    }
}
