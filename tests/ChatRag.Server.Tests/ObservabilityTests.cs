using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace ChatRag.Server.Tests;

/// <summary>ServiceDefaults through the real server: one chat turn is one trace with the pipeline's spans, metrics exist, nothing secret leaks.</summary>
public sealed class ObservabilityTests(ObservabilityFixture fixture) : IClassFixture<ObservabilityFixture>
{
    // The scripted model calls this tool once per turn.
    private const string ToolSpan = "execute_tool chatrag_search_documents";

    [Fact]
    public async Task One_chat_turn_is_one_trace_with_rewrite_retrieval_decoder_and_tool_spans()
    {
        var (trace, parent) = await ChatTurnAsync("What happened to the lighthouse in the storm?");

        var spans = await SpansOfAsync(trace);
        var names = spans.Select(s => s.DisplayName).ToList();
        foreach (var expected in new[] { "chat.turn", "chat.rewrite", "retrieval.search", "retrieval.lexical", "retrieval.vector", "retrieval.fusion", ToolSpan })
        {
            Assert.Contains(expected, names);
        }

        // Decoder generation: Microsoft.Extensions.AI's GenAI span for each model call (the tool round, then the answer).
        Assert.True(spans.Count(s => s.Source.Name == ChatRag.Hosting.ChatRagTelemetry.DecoderName && s.DisplayName.StartsWith("chat", StringComparison.Ordinal)) >= 2, string.Join(", ", names));

        // EF Core instrumentation: the conversation is stored through EF Core inside the turn.
        Assert.Contains(spans, s => s.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore");

        // One tree: every span hangs under the request span, which continues the caller's traceparent.
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        Assert.All(spans, s => Assert.True(s.ParentSpanId == parent || ids.Contains(s.ParentSpanId), $"{s.DisplayName} is not in the turn's tree"));
        Assert.Single(spans, s => s.ParentSpanId == parent);
        Assert.Equal(ActivityKind.Server, spans.Single(s => s.ParentSpanId == parent).Kind);

        // The tool's own search runs inside the tool span, so the tool call is traced with what it did.
        var tool = spans.Single(s => s.DisplayName == ToolSpan);
        Assert.Contains(spans, s => s.DisplayName == "retrieval.search" && s.ParentSpanId == tool.SpanId);
    }

    [Fact]
    public async Task Token_and_latency_metrics_have_values_after_a_turn()
    {
        await ChatTurnAsync("Who keeps the weather log?");

        var metrics = fixture.CollectMetrics();
        Assert.True(HistogramSum(metrics, "gen_ai.client.token.usage", "gen_ai.token.type", "input") >= 120);
        Assert.True(HistogramSum(metrics, "gen_ai.client.token.usage", "gen_ai.token.type", "output") >= 30);
        foreach (var latency in new[] { "gen_ai.client.operation.duration", "chatrag.chat.turn.duration", "chatrag.retrieval.duration", "chatrag.encoder.batch.duration" })
        {
            Assert.True(HistogramCount(metrics, latency) >= 1, $"{latency} has no measurement");
        }

        Assert.True(HistogramCount(metrics, "http.server.request.duration") >= 1);
    }

    [Fact]
    public async Task Spans_and_logs_carry_no_key_and_no_document_text()
    {
        var (trace, _) = await ChatTurnAsync("Tell me about the vault and the lighthouse");
        var spans = await SpansOfAsync(trace);

        // The passage did reach the model (so it was there to leak), yet no telemetry repeats it or the key.
        Assert.Contains(fixture.Model.Requests.SelectMany(r => r).Select(m => m.Text), t => t.Contains("QUARTZ-7731", StringComparison.Ordinal));
        var secrets = new[] { "QUARTZ-7731", "HELIOTROPE", fixture.Key, fixture.Key[..12] };
        var telemetry = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}")
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
                .Append(s.DisplayName).Append(s.StatusDescription ?? ""))
            .Concat(fixture.Logs.Snapshot().SelectMany(l => (l.Attributes ?? []).Select(a => $"{a.Key}={a.Value}")
                .Append(l.FormattedMessage ?? "").Append(l.Body ?? "").Append(l.Exception?.ToString() ?? "")))
            .ToList();
        Assert.NotEmpty(fixture.Logs.Snapshot());
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(telemetry, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Alive_answers_without_checks_and_health_keeps_its_three_checks()
    {
        using var client = fixture.Factory.CreateClient();

        var alive = await client.GetAsync("/alive");
        var health = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/health");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
        Assert.Equal(["database", "vectorStore", "models"], health.GetProperty("checks").EnumerateObject().Select(p => p.Name));
    }

    /// <summary>Posts one chat turn under a fresh W3C trace, so this turn's spans can be told from other servers' in this process.</summary>
    private async Task<(ActivityTraceId Trace, ActivitySpanId Parent)> ChatTurnAsync(string question)
    {
        var trace = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/chat") { Content = JsonContent.Create(new { message = question }) };
        request.Headers.Add("X-Api-Key", fixture.Key);
        request.Headers.Add("traceparent", $"00-{trace}-{parent}-01");
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (trace, parent);
    }

    // The server span ends after the response is written, so the test waits for it (ending as soon as it is there).
    private async Task<List<Activity>> SpansOfAsync(ActivityTraceId trace)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var spans = fixture.Spans.Snapshot().Where(s => s.TraceId == trace).ToList();
            if (spans.Any(s => s.Kind == ActivityKind.Server) || timeout.IsCancellationRequested)
            {
                return spans;
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static double HistogramSum(List<MetricSnapshot> metrics, string name, string tag, string value) =>
        Points(metrics, name).Where(p => Has(p, tag, value)).Sum(p => p.GetHistogramSum());

    private static long HistogramCount(List<MetricSnapshot> metrics, string name) => Points(metrics, name).Sum(p => p.GetHistogramCount());

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints);

    private static bool Has(MetricPoint point, string tag, string value)
    {
        foreach (var t in point.Tags)
        {
            if (t.Key == tag && Equals(t.Value?.ToString(), value))
            {
                return true;
            }
        }

        return false;
    }
}
