namespace ChatRag.Storage.Sqlite.Entities;

/// <summary>The values of <see cref="DocumentEntity.Status"/>, as the public API spells them.</summary>
public static class DocumentStatus
{
    /// <summary>Waiting for the ingestion worker.</summary>
    public const string Queued = "queued";

    /// <summary>Being extracted, chunked or embedded.</summary>
    public const string Processing = "processing";

    /// <summary>Searchable.</summary>
    public const string Ready = "ready";

    /// <summary>Processing failed; see <see cref="DocumentEntity.Error"/>.</summary>
    public const string Failed = "failed";
}
