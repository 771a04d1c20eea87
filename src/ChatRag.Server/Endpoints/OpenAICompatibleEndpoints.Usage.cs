using ChatRag.Chat.Decoders;
using ChatRag.Chat.Orchestration;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.OpenAI;
using ChatRag.Core.Conversations;
using ChatResponse = ChatRag.Contracts.Chat.ChatResponse;
using Microsoft.Extensions.AI;

namespace ChatRag.Server.Endpoints;

/// <summary>The <c>usage</c> of a completion.</summary>
public static partial class OpenAICompatibleEndpoints
{
    /// <summary>
    /// Token counts as honest as the decoder allows: what the decoder reported (its whole prompt: instructions, sources,
    /// history and tool rounds) when it reported it; otherwise counted with the decoder's own tokenizer when it offers one
    /// (<see cref="IPromptTokenCounter"/>, the local ONNX decoder), else the server's estimate
    /// (<see cref="EstimatedTokenCounter"/>) — over the messages the prompt uses (the question and the last <c>HistoryMessages</c> of the history the caller sent), and over the answer
    /// and reasoning for the completion. An extractive answer uses no model, so its counts are always counted this way.
    /// </summary>
    internal sealed class UsageCounter(DecoderCatalog decoders, string? decoder, int contextTokens, TurnMessages messages, int historyMessages)
    {
        public ChatCompletionUsage For(ChatResponse done, string reasoning)
        {
            var tokens = done.Trace.Tokens;
            if (tokens is { Input: { } reportedInput, Output: { } reportedOutput })
            {
                return new ChatCompletionUsage(reportedInput, reportedOutput, reportedInput + reportedOutput);
            }

            // Held while counting, so the catalogue cannot unload the model under its tokenizer.
            using var lease = Lease();
            var counter = EstimatedTokenCounter.For(lease?.Client, contextTokens);
            long Count(string text) => counter.CountTokens(text);
            var prompt = tokens.Input ?? messages.History.TakeLast(historyMessages).Sum(m => Count(m.Content)) + Count(messages.Question);
            var completion = tokens.Output ?? Count(done.Answer) + (reasoning.Length > 0 ? Count(reasoning) : 0);
            return new ChatCompletionUsage(prompt, completion, prompt + completion);
        }

        private DecoderLease? Lease()
        {
            try
            {
                return decoders.Acquire(decoder);
            }
            catch (UnknownDecoderException)
            {
                return null;
            }
        }
    }
}
