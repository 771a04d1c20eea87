namespace ChatRag.Contracts.Settings;

/// <summary>The chat settings an operator may change while the server runs (<c>GET /api/v1/settings</c>).</summary>
/// <param name="DefaultDecoder">The decoder requests get when they name none, or null when no decoder is configured.</param>
/// <param name="Decoders">The configured decoders to choose from.</param>
/// <param name="RetrievalDepth">Passages retrieved per question (1-50).</param>
/// <param name="CanEdit">
/// Whether this caller may change them: anonymous mode, or an API key with no collection scope. A key scoped to one
/// collection reads them only.
/// </param>
/// <param name="ConfigurationLines">
/// The environment variables that set the same values at start-up (a choice made here is stored in the database and
/// overrides them).
/// </param>
public sealed record ChatSettings(string? DefaultDecoder, IReadOnlyList<string> Decoders, int RetrievalDepth, bool CanEdit, IReadOnlyList<string> ConfigurationLines);
