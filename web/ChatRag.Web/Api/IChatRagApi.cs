using ChatRag.Contracts.Chat;
using ChatRag.Contracts.Collections;
using ChatRag.Contracts.Documents;
using ChatRag.Contracts.Health;
using ChatRag.Contracts.Settings;

namespace ChatRag.Web.Api;

/// <summary>
/// The public REST API as the client uses it. Every method throws <see cref="ApiException"/> with the server's problem
/// details on failure. Components depend on this interface so tests can hand them a fake.
/// </summary>
public interface IChatRagApi
{
    /// <summary><c>GET /api/v1/status</c>: models and collections.</summary>
    Task<ServerStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/conversations</c>.</summary>
    Task<IReadOnlyList<ConversationSummaryItem>> ListConversationsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/conversations/{id}</c>.</summary>
    Task<ConversationDetail> GetConversationAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/conversations/{id}</c>.</summary>
    Task DeleteConversationAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/chat</c> with <c>"stream": true</c>; cancelling the token closes the stream and stops generation.</summary>
    IAsyncEnumerable<ChatStreamEvent> StreamChatAsync(ChatRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/documents?collection=</c>, every page of it.</summary>
    Task<IReadOnlyList<DocumentDetails>> ListDocumentsAsync(string? collection, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/documents/{id}</c>.</summary>
    Task<DocumentDetails> GetDocumentAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/documents</c> with one file.</summary>
    Task<UploadedDocument> UploadAsync(UploadFile file, string collection, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/documents/{id}</c>.</summary>
    Task DeleteDocumentAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/documents/{id}/reindex</c>.</summary>
    Task ReindexDocumentAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/collections</c>: the collections the caller may see (its default one always among them).</summary>
    Task<IReadOnlyList<CollectionItem>> ListCollectionsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>POST /api/v1/collections</c>.</summary>
    Task<CollectionItem> CreateCollectionAsync(CreateCollection request, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /api/v1/collections/{name}</c>: rename (display name) or describe.</summary>
    Task<CollectionItem> UpdateCollectionAsync(string name, UpdateCollection request, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/v1/collections/{name}?confirm={name}</c>: the caller has already asked the person to confirm.</summary>
    Task DeleteCollectionAsync(string name, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/v1/settings</c>: the default decoder, the retrieval depth and whether this caller may change them.</summary>
    Task<ChatSettings> GetSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary><c>PUT /api/v1/settings</c> (anonymous mode or a key without a collection scope).</summary>
    Task<ChatSettings> UpdateSettingsAsync(UpdateChatSettings request, CancellationToken cancellationToken = default);
}
