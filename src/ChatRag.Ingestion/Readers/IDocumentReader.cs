using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Readers;

/// <summary>Extracts text and structure from one document format.</summary>
public interface IDocumentReader
{
    /// <summary>Whether this reader handles <paramref name="kind"/>.</summary>
    bool CanRead(DocumentKind kind);

    /// <summary>Reads the whole document. Errors are <see cref="Errors.DocumentRejectedException"/>s a person can act on.</summary>
    Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default);
}
