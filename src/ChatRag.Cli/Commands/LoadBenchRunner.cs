using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace ChatRag.Cli.Commands;

/// <summary>
/// The load generator behind <c>bench load</c>: N clients, each looping over a fixed interleave of search, chat and
/// streamed chat requests against a running server until the duration ends. A request counts as ok only when the
/// status is 2xx and the body is complete (a search result list, a chat answer, an SSE stream that reaches <c>done</c>).
/// </summary>
internal sealed class LoadBenchRunner(HttpClient http, LoadBenchSettings settings, IReadOnlyList<string> queries)
{
    public const string Search = "search";
    public const string Chat = "chat";
    public const string ChatStream = "chat-stream";

    private readonly ConcurrentBag<LoadSample> samples = [];

    /// <summary>Runs the clients; a request in flight at the deadline is finished and counted, so nothing is cut short.</summary>
    public async Task<LoadBenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.DurationSeconds));
        await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(i => Task.Run(() => ClientAsync(i, deadline.Token), CancellationToken.None)));
        cancellationToken.ThrowIfCancellationRequested();
        return LoadBenchResult.From(settings, watch.Elapsed.TotalSeconds, [.. samples]);
    }

    /// <summary>The kind of the <paramref name="index"/>-th request: chats spread evenly at the chat ratio, alternating plain and streamed.</summary>
    public static string KindOf(long index, double chatRatio)
    {
        var chatsBefore = (long)Math.Floor(index * chatRatio);
        var chatsAfter = (long)Math.Floor((index + 1) * chatRatio);
        return chatsAfter == chatsBefore ? Search : chatsBefore % 2 == 0 ? Chat : ChatStream;
    }

    private async Task ClientAsync(int client, CancellationToken stop)
    {
        // Clients start at different points of the interleave, so the kinds overlap in time from the first second.
        long index = client;
        var chats = 0;
        Guid? conversation = null;
        for (var made = 0; !stop.IsCancellationRequested && (settings.RequestsPerClient is not { } limit || made < limit); made++)
        {
            var kind = KindOf(index, settings.ChatRatio);
            var query = queries[(int)(index * 7919 % queries.Count)];
            index++;
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                (outcome, conversation) = kind switch
                {
                    Search => (await SearchAsync(query).ConfigureAwait(false), conversation),
                    // Chats go new, new, follow-up, follow-up: both chat kinds also load history and rewrite the query.
                    _ => await ChatAsync(query, chats++ / 2 % 2 == 1 ? conversation : null, kind == ChatStream).ConfigureAwait(false),
                };
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException)
            {
                outcome = e is TaskCanceledException ? "timeout" : "exception:" + e.GetType().Name;
            }

            samples.Add(new LoadSample(kind, outcome, watch.Elapsed.TotalMilliseconds));
        }
    }

    private async Task<string> SearchAsync(string query)
    {
        using var response = await http.PostAsJsonAsync("api/v1/search", new { query, collection = settings.Collection, top = 10 }).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return Status(response);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
        return body.RootElement.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array ? LoadSample.Ok : "bad-body";
    }

    private async Task<(string Outcome, Guid? Conversation)> ChatAsync(string message, Guid? conversation, bool stream)
    {
        var body = new { message, conversationId = conversation, collection = settings.Collection, stream };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/chat") { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (Status(response), conversation);
        }

        if (!stream)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
            return json.RootElement.TryGetProperty("answer", out _) ? (LoadSample.Ok, ConversationOf(json.RootElement)) : ("bad-body", conversation);
        }

        // Read the events as they come, to `done` (ok) or `error` (a failure the status code could not carry).
        using var events = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await foreach (var item in SseParser.Create(events).EnumerateAsync().ConfigureAwait(false))
        {
            switch (item.EventType)
            {
                case "error":
                    return ("sse-error", conversation);
                case "done":
                    using (var json = JsonDocument.Parse(item.Data))
                    {
                        return (LoadSample.Ok, ConversationOf(json.RootElement));
                    }
            }
        }

        return ("sse-incomplete", conversation);
    }

    private static Guid? ConversationOf(JsonElement response) =>
        response.TryGetProperty("conversationId", out var id) && id.TryGetGuid(out var guid) ? guid : null;

    private static string Status(HttpResponseMessage response) => ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
}
