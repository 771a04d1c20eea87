namespace ChatRag.Contracts.Chat;

/// <summary>Response of <c>GET /api/v1/conversations/{id}/export?format=json</c>: the conversation as questions and cited answers.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Title">The first question.</param>
/// <param name="Collection">The collection it answers from.</param>
/// <param name="DocumentIds">The documents it answers from; empty for the whole collection.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="ExportedAt">When this export was made.</param>
/// <param name="Turns">Each question with its answer, in order.</param>
public sealed record ConversationExport(
    Guid Id, string Title, string Collection, IReadOnlyList<Guid> DocumentIds, DateTimeOffset CreatedAt, DateTimeOffset ExportedAt, IReadOnlyList<ExportedTurn> Turns);
