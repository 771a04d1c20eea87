namespace ChatRag.Contracts.Settings;

/// <summary>Body of <c>PUT /api/v1/settings</c>: the new values; a null field returns that setting to its configured value.</summary>
/// <param name="DefaultDecoder">One of the configured decoders (<c>decoders</c>), or null for <c>ChatRag:DefaultDecoder</c>.</param>
/// <param name="RetrievalDepth">Passages retrieved per question, 1 to 50, or null for <c>ChatRag:Chat:Sources</c>.</param>
public sealed record UpdateChatSettings(string? DefaultDecoder = null, int? RetrievalDepth = null);
