namespace ChatRag.Contracts.Collections;

/// <summary>A collection: a named set of documents that searches, chats and API keys are scoped to.</summary>
/// <param name="Name">The collection's permanent name, used in every request (<c>collection</c>) and in routes.</param>
/// <param name="DisplayName">What people call it; renaming changes only this. Equals <paramref name="Name"/> until renamed.</param>
/// <param name="Description">What it holds, or null.</param>
/// <param name="Documents">Number of documents in it, whatever their status.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record CollectionItem(string Name, string DisplayName, string? Description, int Documents, DateTimeOffset CreatedAt);
