using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatRag.Chat.Orchestration;
using ChatRag.Core.Indexing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// Streaming edge cases through the real server with a controlled model: cleaned deltas, an error after the stream
/// started, and a client that disconnects. A turn is stored only once it completes, so an error or a disconnect
/// leaves no half-written message behind.
/// </summary>
public sealed class ChatStreamingTests : IAsyncLifetime
{
    private readonly ChatRagServerFactory inner = new();
    private readonly ControlledChatClient model = new();
    private readonly TurnEnds turns = new();
    private WebApplicationFactory<ServerMarker> factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddChatClient(model).UseFunctionInvocation();
            services.AddSingleton<IChatTurnObserver>(turns);
        }));
        client = factory.CreateClient();
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter's Great Red Spot is a storm larger than Earth.", "Saturn's rings are made of ice.");
    }

    [Fact]
    public async Task Deltas_carry_no_dangling_citation_or_open_bracket_and_done_has_the_cleaned_answer()
    {
        model.Script = ControlledChatClient.Texts("The Great Red Spot is a storm [", "1", "] larger than Earth", " [9", "]. Rings are ice [2, 7]. Also [");

        var events = await client.StreamAsync(new { message = "What is the Great Red Spot?", stream = true });

        var deltas = events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()!).ToList();
        Assert.All(deltas, d => Assert.DoesNotMatch(@"\[\d*(,\s*\d*)*$", d));
        var streamed = string.Concat(deltas);
        Assert.Equal("The Great Red Spot is a storm [1] larger than Earth . Rings are ice [2]. Also ", streamed);
        var done = events.Single(e => e.Name == "done").Data;
        Assert.Equal("The Great Red Spot is a storm [1] larger than Earth. Rings are ice [2]. Also", done.GetProperty("answer").GetString());
        Assert.Equal([1, 2], done.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("index").GetInt32()));
        Assert.Equal(ChatTurnOutcome.Completed, await turns.Ended.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Wire_format_is_one_event_line_and_one_data_line_per_event_with_LF_endings()
    {
        // A delta with a line break: the JSON escapes it, so each event's data stays one line (what the contract's clients read).
        model.Script = ControlledChatClient.Texts("The Great Red Spot\nis a storm [1].", " It is larger than Earth [1].");
        using var response = await client.PostAsJsonAsync("/api/v1/chat", new { message = "What is the Great Red Spot?", stream = true });

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\r", body, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", body, StringComparison.Ordinal);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.Matches(@"^event: (thought|tool|delta|citation|done)\ndata: \{[^\n]*\}$", e));
        Assert.StartsWith("event: done\n", events[^1], StringComparison.Ordinal);
        var deltas = ChatTestClient.Parse(body).Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString());
        Assert.Contains("Spot\nis", string.Concat(deltas), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_after_streaming_started_ends_with_an_error_event_and_stores_nothing()
    {
        var before = await ConversationCountAsync();
        model.Script = _ => Failing();

        var events = await client.StreamAsync(new { message = "What is the Great Red Spot?", stream = true });

        Assert.Equal(["delta", "error"], events.Select(e => e.Name));
        var error = events[^1].Data;
        Assert.Equal(500, error.GetProperty("status").GetInt32());
        Assert.Equal("Unexpected error", error.GetProperty("title").GetString());
        Assert.DoesNotContain("decoder exploded", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ChatTurnOutcome.Failed, await turns.Ended.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(before, await ConversationCountAsync());

        // The server is still serving.
        model.Script = ControlledChatClient.Texts("Fine again [1].");
        var next = await client.AskAsync(new { message = "What is the Great Red Spot?" });
        Assert.Equal("Fine again [1].", next.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task An_error_event_maps_the_exception_like_a_plain_response_would()
    {
        model.Script = _ => Failing(new VectorSpaceMismatchException("arctic-xs", 384, 768));

        var events = await client.StreamAsync(new { message = "What is the Great Red Spot?", stream = true });

        var error = events.Single(e => e.Name == "error").Data;
        Assert.Equal(503, error.GetProperty("status").GetInt32());
        Assert.Equal("Index needs attention", error.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_decode_loop_and_nothing_is_stored()
    {
        var before = await ConversationCountAsync();
        model.Script = Hanging;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/chat") { Content = JsonContent.Create(new { message = "What is the Great Red Spot?", stream = true }) };
        using var abort = new CancellationTokenSource();

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, abort.Token);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(abort.Token));
        Assert.Equal("event: delta", await reader.ReadLineAsync(abort.Token));
        await abort.CancelAsync();
        response.Dispose();

        await model.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(model.LastToken.IsCancellationRequested);
        // Checked once the orchestrator says the turn has fully unwound, so a store during unwinding is seen too.
        Assert.Equal(ChatTurnOutcome.Cancelled, await turns.Ended.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(before, await ConversationCountAsync());
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await inner.DisposeAsync();
    }

    private static async IAsyncEnumerable<string> Failing(Exception? exception = null)
    {
        await Task.Yield();
        yield return "The Great Red Spot ";
        throw exception ?? new InvalidOperationException("decoder exploded");
    }

    private static async IAsyncEnumerable<string> Hanging([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return "Thinking about it ";
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield return "never";
    }

    private sealed class TurnEnds : IChatTurnObserver
    {
        public TaskCompletionSource<ChatTurnOutcome> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void TurnEnded(ChatTurn turn, ChatTurnOutcome outcome) => Ended.TrySetResult(outcome);
    }

    private async Task<int> ConversationCountAsync() =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/conversations")).GetProperty("conversations").GetArrayLength();
}
