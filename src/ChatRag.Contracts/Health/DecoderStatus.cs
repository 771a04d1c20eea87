namespace ChatRag.Contracts.Health;

/// <summary>The decoder (language model) status.</summary>
/// <param name="Available">False when no decoder is configured: answers are then extractive.</param>
/// <param name="Model">The name of the default decoder (<c>decoders</c> in the status lists them all).</param>
/// <param name="Mode">The answer mode this implies: <c>generative</c> or <c>extractive</c>.</param>
/// <param name="Reason">Why there is no decoder, when there is none.</param>
public sealed record DecoderStatus(bool Available, string? Model, string Mode, string? Reason = null);
