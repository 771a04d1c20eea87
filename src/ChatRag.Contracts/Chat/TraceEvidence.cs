namespace ChatRag.Contracts.Chat;

/// <summary>The evidence behind <c>found</c>: how well the best retrieved sentence supports an answer.</summary>
/// <param name="Found">Whether the documents answer the question.</param>
/// <param name="Support">Share (0..1) of the question's content terms held by the best sentence's passage.</param>
/// <param name="Cosine">Embedding cosine between the question and the best sentence, when an encoder is configured.</param>
/// <param name="Reason">The verdict in words.</param>
public sealed record TraceEvidence(bool Found, double Support, double? Cosine, string Reason);
