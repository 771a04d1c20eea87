using System.ComponentModel;
using System.Text.Json;
using ChatRag.Contracts.Chat;
using ChatRag.Core.Conversations;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatRag.Server.Endpoints;

/// <summary><c>/api/v1/conversations</c>: list, read, export and delete stored conversations.</summary>
public static partial class ConversationsEndpoints
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the conversation routes.</summary>
    public static IEndpointRouteBuilder MapConversationsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/conversations").WithTags("Conversations");
        group.MapGet("/", ListAsync).WithName("ListConversations").WithSummary("List conversations")
            .WithDescription("The caller's conversations (a scoped key sees only its own), most recently updated first; at most 200.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetConversation").WithSummary("Get a conversation")
            .WithDescription("A conversation with its messages in order; assistant messages carry their citations and trace.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteConversation").WithSummary("Delete a conversation")
            .WithDescription("Deletes a conversation and its messages.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapExport(group);
        return routes;
    }

    /// <summary>
    /// The owner recorded for the caller's conversations: the key id of a scoped key, else null (shared by full-scope
    /// callers). The id, not the name: a new key reusing a revoked key's name must not inherit its conversations.
    /// </summary>
    internal static Guid? OwnerOf(CallerScope scope) => scope.Collection is null ? null : scope.KeyId;

    private static async Task<Ok<ConversationList>> ListAsync(IConversationStore store, CallerScope scope, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(OwnerOf(scope), scope.Collection, 200, cancellationToken);
        return TypedResults.Ok(new ConversationList(rows.Select(c => new ConversationSummaryItem(c.Id, c.Title, c.Collection, c.CreatedAt, c.UpdatedAt) { DocumentIds = c.Documents }).ToList()));
    }

    private static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> GetAsync(
        [Description("The conversation id.")] Guid id, IConversationStore store, CallerScope scope, CancellationToken cancellationToken)
    {
        var conversation = await FindAsync(id, store, scope, cancellationToken);
        if (conversation is null)
        {
            return NotFound(id);
        }

        var messages = await store.GetMessagesAsync(id, cancellationToken);
        var items = messages.Select(m => new ConversationMessageItem(
            m.Role,
            m.Content,
            m.CitationsJson is null ? null : JsonSerializer.Deserialize<List<ChatCitation>>(m.CitationsJson, StoredJson),
            m.TraceJson is null ? null : JsonSerializer.Deserialize<ChatTrace>(m.TraceJson, StoredJson),
            m.CreatedAt)).ToList();
        return TypedResults.Ok(new ConversationDetail(conversation.Id, conversation.Title, conversation.Collection, conversation.CreatedAt, conversation.UpdatedAt, items)
        {
            DocumentIds = conversation.Documents,
        });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync([Description("The conversation id.")] Guid id, IConversationStore store, CallerScope scope, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, store, scope, cancellationToken) is null || !await store.DeleteAsync(id, cancellationToken))
        {
            return NotFound(id);
        }

        return TypedResults.NoContent();
    }

    private static async Task<ConversationSummary?> FindAsync(Guid id, IConversationStore store, CallerScope scope, CancellationToken cancellationToken)
    {
        // Another caller's conversation answers 404 like a missing one, so ids cannot be probed.
        var conversation = await store.GetAsync(id, cancellationToken);
        var owner = OwnerOf(scope);
        return conversation is null || (owner is not null && conversation.Owner != owner) || !scope.MaySee(conversation.Collection) ? null : conversation;
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"Conversation {id} was not found.", statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation");
}
