using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Readers;

/// <summary>What a reader knows about the document beyond its bytes.</summary>
/// <param name="FileName">Display name of the upload (already sanitised).</param>
/// <param name="Kind">Detected format.</param>
/// <param name="Limits">Limits to enforce while reading.</param>
public sealed record ReaderContext(string FileName, DocumentKind Kind, IngestionLimitsOptions Limits);
