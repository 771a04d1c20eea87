using System.ComponentModel;
using System.Text.Json;
using ChatRag.Contracts.Chat;
using ChatRag.Core.Conversations;
using ChatRag.Server.Security;

namespace ChatRag.Server.Endpoints;

/// <summary><c>GET /api/v1/conversations/{id}/export</c>: a conversation as a Markdown or JSON file.</summary>
public static partial class ConversationsEndpoints
{
    private static void MapExport(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/export", ExportAsync).WithName("ExportConversation").WithSummary("Export a conversation")
            .WithDescription(
                "The conversation as a file to keep or share: each question with its answer, the citations with the cited passages, and the sources " +
                "the answer was given. `format=md` (default) is Markdown, `format=json` the same content as JSON. Same access rules as reading it.")
            .Produces<ConversationExport>(StatusCodes.Status200OK, "application/json", "text/markdown")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> ExportAsync(
        [Description("The conversation id.")] Guid id,
        [Description("`md` (Markdown, the default) or `json`.")] string? format,
        IConversationStore store, CallerScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var markdown = string.IsNullOrEmpty(format) || string.Equals(format, "md", StringComparison.OrdinalIgnoreCase);
        if (!markdown && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"Unknown format '{format}'; use md or json.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        }

        var conversation = await FindAsync(id, store, scope, cancellationToken);
        if (conversation is null)
        {
            return NotFound(id);
        }

        var export = Export(conversation, await store.GetMessagesAsync(id, cancellationToken), clock.GetUtcNow());
        var name = $"conversation-{id:N}";
        return markdown
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ConversationMarkdown.Write(export)), "text/markdown; charset=utf-8", name + ".md")
            : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(export, StoredJson), "application/json", name + ".json");
    }

    /// <summary>Pairs each question with the answer stored after it; a question left without an answer keeps an empty one.</summary>
    private static ConversationExport Export(ConversationSummary conversation, IReadOnlyList<ConversationMessage> messages, DateTimeOffset now)
    {
        var turns = new List<ExportedTurn>();
        ConversationMessage? question = null;
        foreach (var message in messages)
        {
            if (message.Role == "user")
            {
                if (question is not null)
                {
                    turns.Add(new ExportedTurn(question.Content, string.Empty, null, [], [], question.CreatedAt));
                }

                question = message;
                continue;
            }

            var citations = message.CitationsJson is null ? [] : JsonSerializer.Deserialize<List<ChatCitation>>(message.CitationsJson, StoredJson) ?? [];
            var trace = message.TraceJson is null ? null : JsonSerializer.Deserialize<ChatTrace>(message.TraceJson, StoredJson);
            var sources = trace?.Hits.Select(h => new ExportedSource(h.Index, h.DocumentId, h.DocumentName, h.ChunkId, h.Page)).ToList() ?? [];
            turns.Add(new ExportedTurn(question?.Content ?? string.Empty, message.Content, trace?.Mode, citations, sources, question?.CreatedAt ?? message.CreatedAt));
            question = null;
        }

        if (question is not null)
        {
            turns.Add(new ExportedTurn(question.Content, string.Empty, null, [], [], question.CreatedAt));
        }

        return new ConversationExport(conversation.Id, conversation.Title, conversation.Collection, conversation.Documents, conversation.CreatedAt, now, turns);
    }
}
