namespace ChatRag.Core.Settings;

/// <summary>Settings an operator chose while the server ran; null fields fall back to configuration.</summary>
/// <param name="DefaultDecoder">The decoder requests get when they name none.</param>
/// <param name="RetrievalDepth">Passages retrieved per question.</param>
public sealed record RuntimeSettings(string? DefaultDecoder, int? RetrievalDepth);
