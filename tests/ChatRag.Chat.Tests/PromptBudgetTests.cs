using ChatRag.Chat.Orchestration;
using ChatRag.Chat.Prompts;
using ChatRag.Core.Conversations;
using ChatRag.Core.Documents;
using ChatRag.Core.Retrieval;
using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Tests;

/// <summary>A turn is trimmed to the model's context window: sources by rank first, then the most recent history; a question that cannot fit is refused.</summary>
public sealed class PromptBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Everything_fits_a_large_window_unchanged()
    {
        var history = History(4, 50);
        var sources = Sources(5, 100);

        var fitted = PromptBudget.Fit(new WordCounter(100_000), 1_024, [], "What is it?", history, sources);

        Assert.NotNull(fitted);
        Assert.Same(history, fitted.History);
        Assert.Same(sources, fitted.Sources);
        Assert.True(fitted.PromptTokens > 500);
    }

    [Fact]
    public void A_small_window_keeps_the_best_sources_then_the_newest_history()
    {
        var history = History(6, 100);
        var sources = Sources(5, 700);

        // 4,000 tokens: 500 + 500 reserved for answer and tool results, leaving room for some sources and some history.
        var fitted = PromptBudget.Fit(new WordCounter(4_000), 500, [], "What is it?", history, sources);

        Assert.NotNull(fitted);
        Assert.InRange(fitted.Sources.Count, 1, 4);
        Assert.Equal(sources.Take(fitted.Sources.Count), fitted.Sources);
        Assert.True(fitted.History.Count < history.Count);
        Assert.Equal(history.TakeLast(fitted.History.Count), fitted.History);
        Assert.True(fitted.PromptTokens + 500 + 500 <= 4_000, $"{fitted.PromptTokens} prompt tokens");
    }

    [Fact]
    public void A_question_larger_than_the_window_is_refused()
    {
        var question = string.Join(' ', Enumerable.Repeat("word", 2_000));

        var error = Assert.Throws<PromptTooLongException>(() => PromptBudget.Fit(new WordCounter(1_000), 256, [], question, [], Sources(1, 10)));

        Assert.Equal(1_000, error.ContextTokens);
        Assert.True(error.NeededTokens > 1_000);
    }

    [Fact]
    public void A_window_too_small_for_the_instructions_themselves_is_no_prompt_rather_than_a_refused_message()
    {
        Assert.Null(PromptBudget.Fit(new WordCounter(200), 256, [], "Hi?", [], Sources(1, 10)));
    }

    [Fact]
    public void The_answer_budget_is_clamped_to_the_room_reserved_for_it()
    {
        var small = PromptBudget.Fit(new WordCounter(2_000), 1_024, [], "What is it?", History(2, 10), Sources(2, 10));
        var large = PromptBudget.Fit(new WordCounter(100_000), 1_024, [], "What is it?", History(2, 10), Sources(2, 10));

        // A quarter of a 2,000-token window is reserved for the answer: asking for 1,024 would overflow it.
        Assert.Equal(500, small!.OutputTokens);
        Assert.True(small.PromptTokens + small.OutputTokens <= small.ContextTokens);
        Assert.Equal(1_024, large!.OutputTokens);
    }

    [Fact]
    public void The_instructions_and_tools_are_counted_once_per_counter_not_on_every_turn()
    {
        var counter = new RecordingCounter(100_000);
        AITool[] tools = [AIFunctionFactory.Create((string query) => query, "search_documents", "Searches the documents.")];

        PromptBudget.Fit(counter, 1_024, tools, "First question?", [], Sources(1, 10));
        counter.Texts.Clear();
        PromptBudget.Fit(counter, 1_024, tools, "Second question?", [], Sources(1, 10));

        Assert.DoesNotContain(GroundedPrompt.System, counter.Texts);
        Assert.DoesNotContain("Searches the documents.", counter.Texts);
        Assert.Contains(counter.Texts, t => t.Contains("Second question?", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_tool_set_is_counted_again()
    {
        var counter = new RecordingCounter(100_000);
        PromptBudget.Fit(counter, 1_024, [AIFunctionFactory.Create((string query) => query, "search_documents", "Searches the documents.")], "Q?", [], []);

        var fitted = PromptBudget.Fit(counter, 1_024, [AIFunctionFactory.Create((string expression) => expression, "calculator", "Evaluates arithmetic.")], "Q?", [], []);

        Assert.Contains("Evaluates arithmetic.", counter.Texts);
        Assert.NotNull(fitted);
    }

    private static List<ConversationMessage> History(int count, int words) =>
        [.. Enumerable.Range(0, count).Select(i => new ConversationMessage(i % 2 == 0 ? "user" : "assistant", $"m{i} " + Words(words), null, null, Now))];

    private static List<RetrievedChunk> Sources(int count, int words) =>
        [.. Enumerable.Range(0, count).Select(i => new RetrievedChunk(
            new ChunkRecord(i + 1L, Guid.NewGuid(), $"d{i}.txt", "default", 0, $"s{i} " + Words(words), 1, null, 0, 0), 1.0 / (i + 1), new Dictionary<string, int>()))];

    private static string Words(int count) => string.Join(' ', Enumerable.Repeat("w", count));

    private sealed class RecordingCounter(int context) : IPromptTokenCounter
    {
        public List<string> Texts { get; } = [];

        public int ContextTokens => context;

        public int CountTokens(string text)
        {
            Texts.Add(text);
            return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        }
    }

    private sealed class WordCounter(int context) : IPromptTokenCounter
    {
        public int ContextTokens => context;

        public int CountTokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
