namespace ChatRag.Storage.Sqlite.Entities;

/// <summary>A passage of a document; its id is the SQLite rowid, the FTS5 rowid and the vector point id.</summary>
public sealed class ChunkEntity
{
    /// <summary>Autoincrement id, never reused after deletion (so stale vectors cannot point at new text).</summary>
    public long Id { get; set; }

    /// <summary>Owning document.</summary>
    public Guid DocumentId { get; set; }

    /// <summary>Collection of the owning document, copied here so searches filter without a join.</summary>
    public required string Collection { get; set; }

    /// <summary>Position in the document, from 0.</summary>
    public int Ordinal { get; set; }

    /// <summary>Text as indexed.</summary>
    public required string Text { get; set; }

    /// <summary>1-based page, slide or sheet.</summary>
    public int? Page { get; set; }

    /// <summary>Headings above the chunk joined with " > ".</summary>
    public string? HeadingPath { get; set; }

    /// <summary>Start offset in the document's extracted text.</summary>
    public int StartOffset { get; set; }

    /// <summary>End offset (exclusive) in the document's extracted text.</summary>
    public int EndOffset { get; set; }

    /// <summary>Mean OCR confidence (0-100) when the chunk was read from a scan or image; null for a text layer.</summary>
    public double? OcrConfidence { get; set; }

    /// <summary>Language the chunk was analysed in for the lexical index ("en", "fr"...); null until a pre-language database is re-analysed.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The chunk's analysed terms, space-separated, as the FTS5 table indexes them (elision removed, stemmed, folded);
    /// null until a pre-language database is re-analysed at start-up.
    /// </summary>
    public string? LexicalTerms { get; set; }

    /// <summary>The owning document.</summary>
    public DocumentEntity? Document { get; set; }
}
