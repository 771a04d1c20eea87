using System.ComponentModel;
using ChatRag.Chat;
using ChatRag.Chat.Orchestration;
using ChatRag.Core.Collections;
using ChatRag.Mcp.Results;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace ChatRag.Mcp;

/// <content>The grounded answer: the same orchestrator, checks and conversation store as <c>/api/v1/chat</c>.</content>
public static partial class ChatRagTools
{
    [McpServerTool(Name = "ask", Title = "Ask the documents", ReadOnly = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description(
        "Answers a question from the user's documents only, the way ChatRag's chat does: it retrieves passages, writes an answer with [n] markers " +
        "and checks every citation against its passage. found is false when the documents do not answer it (then say so rather than guess). " +
        "Returns { answer, citations: [ { index, documentId, documentName, chunkId, page, text, supported } ], found, mode, conversationId }; " +
        "pass conversationId back to ask a follow-up. Prefer search_documents when you want raw passages to reason over yourself.")]
    public static async Task<AskAnswer> AskAsync(
        ChatOrchestrator orchestrator,
        ICollectionCatalog catalog,
        IOptions<GroundedChatOptions> options,
        McpCaller caller,
        IServiceProvider services,
        [Description("The question, in the user's words (follow-ups may refer to the conversation).")] string question,
        [Description("The collection to answer from; omit for your default collection.")] string? collection = null,
        [Description("Optional: the conversationId of an earlier ask, to continue that conversation.")] string? conversationId = null,
        [Description("Optional: answer only from these documents (documentId GUIDs, at most 100; each must exist in the collection, else an error); a continued conversation keeps its earlier choice when omitted, less any document deleted since; an empty array returns it to the whole collection.")] string[]? documentIds = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(services);
        var message = question?.Trim() ?? string.Empty;
        if (message.Length == 0)
        {
            throw new McpException("'question' is empty: ask something.");
        }

        if (message.Length > options.Value.MaxMessageLength)
        {
            throw new McpException($"The question has {message.Length} characters; the limit is {options.Value.MaxMessageLength}.");
        }

        Guid? conversation = null;
        if (!string.IsNullOrWhiteSpace(conversationId))
        {
            conversation = Guid.TryParse(conversationId, out var parsed)
                ? parsed
                : throw new McpException($"'conversationId' must be the conversationId an earlier ask returned; '{conversationId}' is not one.");
        }

        var name = InScope(caller, collection);
        // As /api/v1/chat: an empty collection (or the caller's default before its first upload) has nothing to answer from.
        var found = await catalog.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (found is { Documents: 0 } || (found is null && name == caller.Resolve(null)))
        {
            throw new McpException($"Collection '{name}' has no documents yet. Upload documents to it, then ask again.");
        }

        if (services.GetService(typeof(IAskRateLimit)) is IAskRateLimit limit && !limit.TryAcquire())
        {
            throw new McpException("The chat rate limit for this caller was reached; wait a minute, or use search_documents meanwhile.");
        }

        try
        {
            // As /api/v1/chat: omitted keeps the conversation's stored choice, [] returns it to the whole collection.
            var turn = new ChatTurn(message, conversation, name, caller.Owner) { Documents = documentIds is [] ? [] : Documents(documentIds) };
            var done = await orchestrator.AnswerAsync(turn, cancellationToken).ConfigureAwait(false);
            var citations = done.Citations.Select(c => new AskCitation(c.Index, c.DocumentId, c.DocumentName, c.ChunkId, c.Page, c.Text, c.Supported)).ToList();
            return new AskAnswer(done.Answer, citations, done.Found, done.Mode, done.ConversationId)
            {
                DroppedDocumentIds = done.Trace.DroppedDocumentIds,
                Note = done.Trace.Note,
            };
        }
        catch (Exception e) when (e is ConversationNotFoundException or PromptTooLongException or Core.Retrieval.QueryRejectedException or Core.Retrieval.UnknownCollectionException or Core.Retrieval.UnknownDocumentException)
        {
            throw new McpException(e.Message, e);
        }
    }
}
