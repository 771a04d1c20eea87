using System.Net;
using System.Text;
using ChatRag.Contracts.Chat;
using ChatRag.Web.Api;
using ChatRag.Web.Tests.Fakes;

namespace ChatRag.Web.Tests;

public sealed class ApiClientTests
{
    [Fact]
    public async Task Streamed_events_are_parsed_into_typed_events_and_the_key_is_sent()
    {
        const string body = "event: thought\ndata: {\"text\":\"hmm\"}\n\n" +
            "event: delta\ndata: {\"text\":\"Hi [1]\"}\n\n" +
            ": keep-alive\n\n" +
            "event: tool\ndata: {\"name\":\"calculator\",\"arguments\":{\"expression\":\"1+1\"},\"result\":\"2\",\"ms\":1.5}\n\n" +
            "event: future\ndata: {}\n\n" +
            "event: done\ndata: {\"conversationId\":\"11111111-2222-3333-4444-555555555555\",\"answer\":\"Hi [1]\",\"citations\":[]," +
            "\"mode\":\"extractive\",\"trace\":{\"query\":\"q\",\"rewrittenQuery\":\"q\",\"rewriteMethod\":\"none\",\"hits\":[],\"toolCalls\":[]," +
            "\"tokens\":{},\"model\":\"\",\"mode\":\"extractive\",\"timingsMs\":{}}}\n\n";
        var handler = new StubHandler(HttpStatusCode.OK, body, "text/event-stream");
        var client = new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage { ApiKey = "secret" });

        var events = new List<ChatStreamEvent>();
        await foreach (var e in client.StreamChatAsync(new ChatRequest("q")))
        {
            events.Add(e);
        }

        Assert.Equal(["thought", "delta", "tool", "done"], events.Select(e => e.Name));
        Assert.Equal("Hi [1]", events[1].Text);
        Assert.Equal("2", events[2].Tool!.Result);
        Assert.Equal("extractive", events[3].Done!.Mode);
        Assert.Equal("secret", handler.ApiKey);
        Assert.Contains("\"stream\":true", handler.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_ends_without_done_or_error_reports_the_answer_as_cut_off()
    {
        var handler = new StubHandler(HttpStatusCode.OK, "event: delta\ndata: {\"text\":\"Half an ans\"}\n\n", "text/event-stream");
        var client = new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage());

        var events = new List<ChatStreamEvent>();
        await foreach (var e in client.StreamChatAsync(new ChatRequest("q")))
        {
            events.Add(e);
        }

        Assert.Equal(["delta", "error"], events.Select(e => e.Name));
        Assert.Equal("Answer cut off", events[1].Error!.Title);
    }

    [Fact]
    public async Task A_connection_lost_mid_stream_becomes_an_ApiException()
    {
        var handler = new StubHandler(HttpStatusCode.OK, string.Empty, "text/event-stream") { Content = () => new StreamContent(new FailingStream()) };
        var client = new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage());

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var _ in client.StreamChatAsync(new ChatRequest("q")))
            {
            }
        });

        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task Problem_details_become_an_ApiException_with_title_and_detail()
    {
        var handler = new StubHandler(HttpStatusCode.Conflict, "{\"title\":\"Duplicate\",\"status\":409,\"detail\":\"Same bytes already stored.\"}", "application/problem+json");
        var client = new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage());

        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetStatusAsync());

        Assert.Equal(new ApiProblem(409, "Duplicate", "Same bytes already stored."), error.Problem);
        Assert.Equal("Duplicate: Same bytes already stored.", error.Message);
        Assert.Null(handler.ApiKey);
    }

    [Fact]
    public async Task A_non_json_error_still_gives_a_readable_message()
    {
        var handler = new StubHandler(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");
        var client = new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage());

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListConversationsAsync());

        Assert.Equal(502, error.Problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Multi_line_data_is_joined_CRLF_is_a_line_end_and_an_unnamed_event_is_ignored()
    {
        // One delta whose JSON spans two data lines (joined with a newline, still valid JSON), CRLF line ends, then an
        // event without a name (a "message", which the chat contract never sends) that must not become a delta.
        const string body = "event: delta\r\ndata: {\"text\":\r\ndata: \"Hi\"}\r\n\r\n" + "data: {\"text\":\"not a delta\"}\n\n";
        var handler = new StubHandler(HttpStatusCode.OK, body, "text/event-stream");
        var client = new ChatRagApiClient(new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") }, new FakeBrowserStorage());

        var events = new List<ChatStreamEvent>();
        await foreach (var e in client.StreamChatAsync(new ChatRequest("q")))
        {
            events.Add(e);
        }

        Assert.Equal(["delta", "error"], events.Select(e => e.Name));
        Assert.Equal("Hi", events[0].Text);
    }

    private sealed class StubHandler(HttpStatusCode status, string body, string contentType) : HttpMessageHandler
    {
        public string? ApiKey { get; private set; }

        public string Body { get; private set; } = string.Empty;

        public Func<HttpContent>? Content { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ApiKey = request.Headers.TryGetValues("X-Api-Key", out var values) ? values.Single() : null;
            Body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = Content?.Invoke() ?? new StringContent(body, Encoding.UTF8, contentType) };
        }
    }

    private sealed class FailingStream : MemoryStream
    {
        private bool sent;

        public FailingStream()
            : base(Encoding.UTF8.GetBytes("event: delta\ndata: {\"text\":\"Hi\"}\n\n"))
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (sent)
            {
                throw new IOException("connection reset");
            }

            sent = true;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
