namespace ChatRag.Contracts.Chat;

/// <summary>Body of <c>POST /api/v1/chat</c>.</summary>
/// <param name="Message">The user's message (required, at most the configured length).</param>
/// <param name="ConversationId">Continue this conversation; a new one is started when omitted.</param>
/// <param name="Collection">Collection to answer from; <c>default</c> (or the key's collection) when omitted.</param>
/// <param name="Stream">True for a <c>text/event-stream</c> answer.</param>
/// <param name="Thinking">
/// Whether a reasoning model thinks first (its reasoning streams as <c>thought</c> events, never as the answer);
/// omitted: <c>ChatRag:Decoder:Thinking</c> decides.
/// </param>
/// <param name="Model">
/// The configured decoder to answer with, by name (<c>decoders</c> in <c>GET /api/v1/status</c>); omitted: the default
/// one. An unknown name is a 400 that lists the configured ones.
/// </param>
public sealed record ChatRequest(string? Message, Guid? ConversationId = null, string? Collection = null, bool? Stream = null, bool? Thinking = null, string? Model = null)
{
    /// <summary>
    /// Answer only from these documents of the collection (at most 100; each must exist there, else 404, even one the
    /// conversation held before it was deleted). Stored with the conversation, so follow-up turns may omit it (then a
    /// stored document deleted since drops out instead); an empty list returns the conversation to the whole collection.
    /// </summary>
    public IReadOnlyList<Guid>? DocumentIds { get; init; }
}
