using System.Runtime.CompilerServices;
using System.Text;
using ChatRag.Chat.Citations;
using ChatRag.Chat.Extractive;
using ChatRag.Chat.Prompts;
using ChatRag.Chat.Tools;
using ChatRag.Core.Conversations;
using ChatRag.Core.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using FunctionResultContent = Microsoft.Extensions.AI.FunctionResultContent;
using TextContent = Microsoft.Extensions.AI.TextContent;

namespace ChatRag.Chat.Orchestration;

/// <summary>The generative path and the query rewrite.</summary>
public sealed partial class ChatOrchestrator
{
    private async Task<(string Query, string Method, string Reason)> RewriteAsync(IChatClient? client, string message, IReadOnlyList<ConversationMessage> history, CancellationToken cancellationToken)
    {
        using var activity = Activities.StartActivity("chat.rewrite");
        var previous = history.LastOrDefault(m => m.Role == "user")?.Content;
        if (previous is null)
        {
            return (message.Trim(), "none", "First question of the conversation.");
        }

        if (client is not null)
        {
            try
            {
                var messages = History(history);
                messages.Insert(0, new ChatMessage(ChatRole.System, GroundedPrompt.Rewrite));
                messages.Add(new ChatMessage(ChatRole.User, message));
                var response = await client.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = 64 }, cancellationToken).ConfigureAwait(false);
                var text = response.Text.Trim().Trim('"');
                if (text.Length is > 0 and <= 1_000)
                {
                    return (text, "model", "The language model rewrote the follow-up with the conversation.");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A decoder that cannot rewrite still leaves the term-based rewrite, which needs no model.
            }
        }

        // Without a model, only a follow-up that needs the previous question (a pronoun, an ellipsis) gets its terms:
        // a question that names its own subject is answered about that subject.
        return FollowUpRewriter.Rewrite(message, previous);
    }

    private async IAsyncEnumerable<ChatTurnEvent> GenerateAsync(
        IChatClient client, ChatTurn turn, IReadOnlyList<ConversationMessage> history, IReadOnlyList<RetrievedChunk> sources, TurnState state,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var log = new ToolCallLog();
        state.Tools = log;
        var turnKernel = kernel.Clone();
        var plugin = turnKernel.Plugins.AddFromObject(new ChatTools(searcher, documents, [turn.Collection], clock, log, repository) { Documents = state.Documents }, "chatrag");
        var chatOptions = new ChatOptions
        {
            MaxOutputTokens = options.Value.MaxOutputTokens,
            // A KernelFunction is an AIFunction; the tools need no kernel services, so they are passed as they are.
            Tools = [.. plugin.Select(f => (AITool)f)],
        };
        if (turn.Thinking is { } thinking)
        {
            // Qwen3's template variable name; the in-process decoder reads it, other clients ignore what they do not know.
            chatOptions.AdditionalProperties = new() { ["enable_thinking"] = thinking };
        }

        string? toolNote = null;
        if (ToolSupport(client) is { Supported: false } noTools)
        {
            // The model has no tool-call format: tools would only cost prompt space, and the trace says why none ran.
            chatOptions.Tools = null;
            toolNote = noTools.Reason;
            state.Note = toolNote;
        }

        // Before the first event, so a question that cannot fit is a plain 400, never an error mid-stream.
        var counter = EstimatedTokenCounter.For(client, options.Value.ContextTokens);
        if (PromptBudget.Fit(counter, options.Value.MaxOutputTokens, chatOptions.Tools, turn.Message, history, sources) is not { } fitted)
        {
            state.Note = $"The language model's context window ({counter.ContextTokens} tokens) cannot hold the grounded instructions and tools; answered extractively.";
            yield break;
        }

        chatOptions.MaxOutputTokens = fitted.OutputTokens;
        if (fitted.Sources.Count < sources.Count || fitted.History.Count < history.Count)
        {
            state.Note = (toolNote is null ? string.Empty : toolNote + " ") + $"Trimmed to the model's context window of {fitted.ContextTokens} tokens: sent {fitted.Sources.Count} of {sources.Count} sources and {fitted.History.Count} of {history.Count} earlier messages.";
        }

        (history, sources) = (fitted.History, fitted.Sources);
        state.Sources = sources;
        var messages = History(history);
        messages.Insert(0, new ChatMessage(ChatRole.System, GroundedPrompt.System));
        messages.Add(new ChatMessage(ChatRole.User, GroundedPrompt.UserTurn(turn.Message, sources)));

        var answer = new StringBuilder();
        var shown = new StreamingCitationFilter(sources.Count);
        long? input = null, output = null, total = null;
        await using var updates = client.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                update = updates.Current;
            }
            catch (Exception e) when (answer.Length == 0 && e is not OperationCanceledException)
            {
                // The decoder failed before writing any answer text (missing files, load error, endpoint down, or a
                // tool round that outgrew the context): answer extractively rather than end the stream in an error.
                state.Note = $"The language model failed ({e.GetType().Name}: {e.Message}); answered extractively.";
                yield break;
            }

            state.ModelId ??= update.ModelId;
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextReasoningContent { Text.Length: > 0 } reasoning:
                        yield return new ThoughtDelta(reasoning.Text);
                        break;
                    case TextContent { Text.Length: > 0 } text:
                        answer.Append(text.Text);
                        if (shown.Push(text.Text) is { Length: > 0 } delta)
                        {
                            yield return new AnswerDelta(delta);
                        }

                        break;
                    case FunctionResultContent:
                        foreach (var call in log.Drain())
                        {
                            yield return new ToolInvoked(call);
                        }

                        break;
                    case UsageContent usage:
                        input = Add(input, usage.Details.InputTokenCount);
                        output = Add(output, usage.Details.OutputTokenCount);
                        total = Add(total, usage.Details.TotalTokenCount);
                        break;
                }
            }
        }

        foreach (var call in log.Drain())
        {
            yield return new ToolInvoked(call);
        }

        if (shown.Flush() is { Length: > 0 } rest)
        {
            yield return new AnswerDelta(rest);
        }

        state.Tokens = new TurnTokens(input, output, total ?? (input + output));
        if (answer.ToString().Trim() is not { Length: > 0 } answerText)
        {
            // Only tool calls, only reasoning, or out of tokens before any answer: an empty reply helps nobody, while
            // the retrieved sources still hold a quotable answer.
            state.Note = "The language model returned no answer text; answered extractively.";
            yield break;
        }

        state.Answer = answerText;
        state.Generative = true;
    }

    private static ToolCallSupport? ToolSupport(IChatClient client)
    {
        try
        {
            return client.GetService<ToolCallSupport>();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A model that fails to load says nothing about tools; the generation call reports that failure itself.
            return null;
        }
    }

    private static long? Add(long? sum, long? value) => value is null ? sum : (sum ?? 0) + value;

    private static List<ChatMessage> History(IReadOnlyList<ConversationMessage> history) =>
        [.. history.Select(m => new ChatMessage(m.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, m.Content))];
}
