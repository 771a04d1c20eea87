using ChatRag.Core.Conversations;
using ChatRag.Core.Retrieval;

namespace ChatRag.Chat.Orchestration;

/// <summary>What of a turn goes to the model.</summary>
/// <param name="History">The most recent messages that fit, in order.</param>
/// <param name="Sources">The best-ranked sources that fit, in rank order.</param>
/// <param name="PromptTokens">Estimated prompt tokens.</param>
/// <param name="ContextTokens">The model's context window.</param>
/// <param name="OutputTokens">
/// The answer's budget: the requested maximum, clamped to what the fit reserved for it, so prompt and answer together
/// never outgrow the window. Send it as <c>ChatOptions.MaxOutputTokens</c>.
/// </param>
public sealed record FittedTurn(IReadOnlyList<ConversationMessage> History, IReadOnlyList<RetrievedChunk> Sources, int PromptTokens, int ContextTokens, int OutputTokens);
