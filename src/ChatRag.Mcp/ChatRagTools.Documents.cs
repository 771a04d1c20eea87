using System.ComponentModel;
using ChatRag.Chat.Tools;
using ChatRag.Core.Documents;
using ChatRag.Core.Ingestion;
using ChatRag.Mcp.Results;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace ChatRag.Mcp;

/// <content>The document tools: list what is there, read one in order.</content>
public static partial class ChatRagTools
{
    /// <summary>The most documents one <c>list_documents</c> page holds.</summary>
    public const int MaxListLimit = 200;

    /// <summary>The most characters of passage text one <c>read_document</c> call returns (about 8k tokens), so one call cannot flood the agent's context.</summary>
    public const int MaxReadCharacters = 32_000;

    [McpServerTool(Name = "list_documents", Title = "List documents", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(
        "Lists the uploaded documents you may see, newest first, a page at a time: id, name, collection, status (only 'ready' documents are searchable) " +
        "and passage count. Use it to learn which documents and collections exist. Returns { documents: [...], nextCursor }; pass nextCursor back as cursor for the next page.")]
    public static async Task<DocumentListing> ListDocumentsAsync(
        IIngestionJobStore store,
        McpCaller caller,
        [Description("Only this collection; omit for every collection you may see.")] string? collection = null,
        [Description("Documents per page, 1 to 200.")] int limit = 50,
        [Description("The nextCursor of the previous page; omit for the first page.")] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        if (limit is < 1 or > MaxListLimit)
        {
            throw new McpException($"'limit' must be between 1 and {MaxListLimit}.");
        }

        DocumentCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = DocumentCursor.TryDecode(cursor, out var decoded)
                ? decoded
                : throw new McpException("'cursor' is not a nextCursor this server returned; list again without it.");
        }

        // No collection named: a scoped key lists its own, an unscoped caller every collection.
        var only = string.IsNullOrWhiteSpace(collection) ? caller.Collection : InScope(caller, collection);
        var page = await store.ListPageAsync(only, limit, after, cancellationToken).ConfigureAwait(false);
        var documents = page.Documents.Select(d => new DocumentEntry(d.Id, d.Name, d.Collection, d.Status, d.Chunks, d.CreatedAt)).ToList();
        return new DocumentListing(documents, page.Next?.Encode());
    }

    [McpServerTool(Name = "read_document", Title = "Read a document", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(
        "Reads a document's text in reading order, as passages with their page and headings: the whole document, or one page or section. " +
        "Use it after search_documents or list_documents to see the context around a passage. Long documents are cut at about 32,000 characters " +
        "(truncated: true); then read them a page or a section at a time. Returns { documentId, name, collection, totalPassages, passages: [...], truncated }.")]
    public static async Task<DocumentText> ReadDocumentAsync(
        IIngestionJobStore store,
        IDocumentRepository repository,
        McpCaller caller,
        [Description("The document id (a GUID) from search_documents or list_documents.")] string documentId,
        [Description("Optional: a page number (for example \"3\"), or words of a section heading, to read only that part.")] string? pageOrSection = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(documentId, out var id))
        {
            throw new McpException($"'documentId' must be a document id (a GUID such as 3f2c...); '{documentId}' is not one. search_documents and list_documents return ids.");
        }

        // A document outside the caller's scope reads exactly like a missing one.
        var document = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var passages = document is not null && caller.MaySee(document.Collection)
            ? await DocumentReader.ReadAsync(repository, [document.Collection], id, pageOrSection, cancellationToken).ConfigureAwait(false)
            : null;
        if (document is null || passages is null)
        {
            throw new McpException($"No document {id} is visible to you (or it has no text yet). list_documents shows the documents you may read.");
        }

        if (passages.Chunks.Count == 0)
        {
            throw new McpException($"'{document.Name}' has no page or section '{pageOrSection}'. Read it without pageOrSection to see its pages and headings.");
        }

        var read = new List<DocumentPassage>();
        var budget = MaxReadCharacters;
        foreach (var chunk in passages.Chunks)
        {
            if (chunk.Text.Length > budget && read.Count > 0)
            {
                break;
            }

            read.Add(new DocumentPassage(chunk.Id, chunk.Ordinal, chunk.Page, chunk.HeadingPath, chunk.Text));
            budget -= chunk.Text.Length;
        }

        return new DocumentText(id, document.Name, document.Collection, passages.TotalChunks, read, read.Count < passages.Chunks.Count);
    }
}
