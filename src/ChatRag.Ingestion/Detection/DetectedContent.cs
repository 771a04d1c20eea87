using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Detection;

/// <summary>What the bytes of an upload turned out to be.</summary>
/// <param name="Kind">Format detected from content (wins over the extension).</param>
/// <param name="ExtensionKind">Format the file name's extension suggests, when it suggests one.</param>
/// <param name="Warning">Set when the extension and the content disagree.</param>
public sealed record DetectedContent(DocumentKind Kind, DocumentKind? ExtensionKind, string? Warning);
