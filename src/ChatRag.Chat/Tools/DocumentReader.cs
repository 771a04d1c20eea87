using System.Globalization;
using ChatRag.Core.Documents;

namespace ChatRag.Chat.Tools;

/// <summary>
/// Reads a document's stored chunks in order, within the caller's collections only: a document of any other
/// collection is simply not there.
/// </summary>
public static class DocumentReader
{
    /// <summary>
    /// The chunks of <paramref name="documentId"/> in reading order, narrowed to one page (a number) or to the section
    /// whose heading (else text) contains <paramref name="pageOrSection"/>; null when the document is not in scope.
    /// </summary>
    public static async Task<DocumentPassages?> ReadAsync(
        IDocumentRepository repository, IReadOnlyCollection<string> collections, Guid documentId, string? pageOrSection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(collections);

        // Scope is checked on the rows themselves: a document of another collection reads exactly like a missing one.
        var chunks = (await repository.GetDocumentChunksAsync(documentId, cancellationToken).ConfigureAwait(false))
            .Where(c => collections.Contains(c.Collection))
            .OrderBy(c => c.Ordinal)
            .ToList();
        if (chunks.Count == 0)
        {
            return null;
        }

        var selector = pageOrSection?.Trim() ?? string.Empty;
        IReadOnlyList<ChunkRecord> selected = selector.Length == 0
            ? chunks
            : int.TryParse(selector, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page)
                ? chunks.Where(c => c.Page == page).ToList()
                : Section(chunks, selector);
        return new DocumentPassages(chunks[0].DocumentName, chunks.Count, selected);
    }

    private static List<ChunkRecord> Section(List<ChunkRecord> chunks, string words)
    {
        var byHeading = chunks.Where(c => c.HeadingPath?.Contains(words, StringComparison.OrdinalIgnoreCase) == true).ToList();
        return byHeading.Count > 0 ? byHeading : chunks.Where(c => c.Text.Contains(words, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
