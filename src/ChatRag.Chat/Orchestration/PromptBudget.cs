using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatRag.Chat.Prompts;
using ChatRag.Core.Conversations;
using ChatRag.Core.Retrieval;
using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Orchestration;

/// <summary>
/// Fits a turn to the decoder's context window before the model is called: the instructions, the tool declarations,
/// the question and room for the answer and one round of tool results come first; then sources in rank order; then
/// the most recent history. What does not fit is left out (the turn is trimmed); a question that cannot fit at all is
/// a <see cref="PromptTooLongException"/>, raised before anything is streamed; a model too small for the instructions
/// themselves gets no prompt at all (the turn answers extractively).
/// </summary>
public static class PromptBudget
{
    // Role markers, separators and the generation prompt that a chat template adds around each message: a generous
    // guess that holds for the families we render (Qwen, Llama 3, Phi, Gemma, Mistral use 3 to 10).
    private const int PerMessageTokens = 16;

    // Attributes and tags around each source in the user turn.
    private const int PerSourceTokens = 24;

    /// <summary>
    /// What of the turn fits <paramref name="counter"/>'s context window; null when not even the instructions and tools
    /// fit (the model is too small for a grounded prompt, whatever the message).
    /// </summary>
    /// <exception cref="PromptTooLongException">The question, instructions and tools leave no room within the window.</exception>
    public static FittedTurn? Fit(
        IPromptTokenCounter counter, int maxOutputTokens, IEnumerable<AITool>? tools, string question,
        IReadOnlyList<ConversationMessage> history, IReadOnlyList<RetrievedChunk> sources)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var context = counter.ContextTokens;

        // The answer and the tool results of a later round need room too; on a small model they get a quarter and an
        // eighth of the window at most, so the question still has space.
        var output = Math.Min(maxOutputTokens, context / 4);
        var reserved = output + (context / 8);
        var instructions = InstructionCost(counter, tools);
        if (instructions + reserved > context)
        {
            // Not the user's fault: no message would fit this model.
            return null;
        }

        var required = instructions + counter.CountTokens(WebUtility.HtmlEncode(question));
        var left = context - reserved - required;
        if (left < 0)
        {
            throw new PromptTooLongException(required + reserved, context);
        }

        var keptSources = 0;
        foreach (var source in sources)
        {
            var cost = counter.CountTokens(WebUtility.HtmlEncode(source.Chunk.Text)) + counter.CountTokens(source.Chunk.DocumentName) + PerSourceTokens;
            if (cost > left)
            {
                // Sources stay a prefix of the ranking, so citation numbers keep meaning the same passages.
                break;
            }

            left -= cost;
            keptSources++;
        }

        var keptHistory = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var cost = Cost(counter, history[i].Content);
            if (cost > left)
            {
                break;
            }

            left -= cost;
            keptHistory++;
        }

        return new FittedTurn(
            keptHistory == history.Count ? history : [.. history.Skip(history.Count - keptHistory)],
            keptSources == sources.Count ? sources : [.. sources.Take(keptSources)],
            context - left - reserved,
            context,
            output);
    }

    /// <summary>
    /// The grounded instructions and tool declarations, the same text on every turn of a decoder: counted once per
    /// counter and tool set, not re-tokenized on each turn. The table holds counters weakly, so an unloaded decoder's
    /// entry goes with it.
    /// </summary>
    private static int InstructionCost(IPromptTokenCounter counter, IEnumerable<AITool>? tools)
    {
        var list = tools?.ToList() ?? [];
        var key = string.Join('\n', list.Select(t => t.Name + "\u0001" + t.Description + "\u0001" + (t is AIFunction f ? f.JsonSchema.GetRawText() : string.Empty)));
        return InstructionCosts.GetOrCreateValue(counter).GetOrAdd(key, _ =>
            Cost(counter, GroundedPrompt.System) + Cost(counter, GroundedPrompt.UserTurn(string.Empty, [])) + list.Sum(t => ToolCost(counter, t)));
    }

    private static readonly ConditionalWeakTable<IPromptTokenCounter, ConcurrentDictionary<string, int>> InstructionCosts = new();

    private static int Cost(IPromptTokenCounter counter, string text) => counter.CountTokens(text) + PerMessageTokens;

    private static int ToolCost(IPromptTokenCounter counter, AITool tool) =>
        counter.CountTokens(tool.Name) + counter.CountTokens(tool.Description)
        + (tool is AIFunction function ? counter.CountTokens(JsonSerializer.Serialize(function.JsonSchema)) : 0)
        + PerMessageTokens;
}
