using System.ComponentModel;
using ChatRag.Core.Retrieval;
using ChatRag.Mcp.Results;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace ChatRag.Mcp;

/// <summary>
/// The ChatRag tools an agent calls over the Model Context Protocol, one implementation for both transports: the
/// server's <c>/mcp</c> (streamable HTTP, the caller's API key and scope) and <c>chatrag mcp</c> (stdio, a local data
/// directory). Everything an agent needs to decide is in the descriptions; a bad argument or an out-of-scope id is a
/// tool error (<see cref="McpException"/>, <c>isError</c>) the model can read and correct, never a protocol failure.
/// </summary>
[McpServerToolType]
public static partial class ChatRagTools
{
    /// <summary>The most passages one search returns.</summary>
    public const int MaxTop = 50;

    [McpServerTool(Name = "search_documents", Title = "Search documents", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description(
        "Finds the passages most relevant to a query in the user's uploaded documents (hybrid: meaning-based vectors and keywords, fused). " +
        "Use it to locate facts before answering, then cite the documentName (and page). Each result has a documentId you can pass to " +
        "read_document for the surrounding text. Returns { collection, mode, results: [ { documentId, documentName, collection, chunkId, page, heading, score, text } ] }, best first.")]
    public static async Task<SearchAnswer> SearchDocumentsAsync(
        HybridSearcher searcher,
        McpCaller caller,
        [Description("What to look for: a question or keywords, in the documents' language.")] string query,
        [Description("The collection to search; omit for your default collection. list_documents shows the collections documents belong to.")] string? collection = null,
        [Description("How many passages to return, 1 to 50.")] int top = 5,
        [Description("hybrid (default, best for most queries), dense (meaning only) or lexical (exact keywords only).")] string mode = "hybrid",
        [Description("Optional: search only these documents (documentId GUIDs from list_documents or earlier results, at most 100).")] string[]? documentIds = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new McpException("'query' is empty: say what to search for.");
        }

        if (top is < 1 or > MaxTop)
        {
            throw new McpException($"'top' must be between 1 and {MaxTop}.");
        }

        if (!Enum.TryParse<SearchMode>(mode, ignoreCase: true, out var searchMode) || !Enum.IsDefined(searchMode))
        {
            throw new McpException($"Unknown mode '{mode}'; use hybrid, dense or lexical.");
        }

        var name = InScope(caller, collection);
        var chosen = Documents(documentIds);
        var response = await Guarded(() => searcher.SearchAsync(new SearchRequest(query, [name], top, searchMode) { Documents = chosen }, cancellationToken)).ConfigureAwait(false);
        var hits = response.Results
            .Select(r => new SearchHit(r.Chunk.DocumentId, r.Chunk.DocumentName, r.Chunk.Collection, r.Chunk.Id, r.Chunk.Page, r.Chunk.HeadingPath, r.Score, r.Chunk.Text))
            .ToList();
        return new SearchAnswer(name, searchMode.ToString().ToLowerInvariant(), hits);
    }

    /// <summary>The collection a call names (or the caller's default), refused as a tool error when outside the caller's scope.</summary>
    private static string InScope(McpCaller caller, string? collection)
    {
        var name = caller.Resolve(collection);
        return caller.MaySee(name) ? name : throw new McpException($"This API key may not use collection '{name}'.");
    }

    /// <summary>
    /// The chosen documents as ids, or null when none are named (for search, the whole collection; <c>ask</c> tells an
    /// empty array from an omitted one itself); a malformed id is a tool error.
    /// </summary>
    private static IReadOnlyList<Guid>? Documents(string[]? documentIds)
    {
        if (documentIds is null || documentIds.Length == 0)
        {
            return null;
        }

        if (documentIds.Length > HybridSearcher.MaxChosenDocuments)
        {
            throw new McpException($"At most {HybridSearcher.MaxChosenDocuments} documentIds may be chosen; {documentIds.Length} were given.");
        }

        return documentIds
            .Select(id => Guid.TryParse(id, out var parsed) ? parsed : throw new McpException($"'{id}' is not a documentId (a GUID from list_documents or search_documents)."))
            .ToList();
    }

    /// <summary>Turns the engine's refusals (messages written for people) into tool errors the model sees.</summary>
    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is QueryRejectedException or UnknownCollectionException or UnknownDocumentException)
        {
            throw new McpException(e.Message, e);
        }
    }
}
