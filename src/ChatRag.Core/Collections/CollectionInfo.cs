namespace ChatRag.Core.Collections;

/// <summary>A collection as people see it.</summary>
/// <param name="Name">Immutable name: what documents, chunks, vectors, conversations and API keys refer to.</param>
/// <param name="DisplayName">What people call it (renaming changes only this), or null to show the name.</param>
/// <param name="Description">What it holds, in the owner's words, or null.</param>
/// <param name="Documents">Number of documents in it, whatever their status.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
public sealed record CollectionInfo(string Name, string? DisplayName, string? Description, int Documents, DateTimeOffset CreatedAt);
