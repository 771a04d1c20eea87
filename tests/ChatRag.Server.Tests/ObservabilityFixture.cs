using System.Diagnostics;
using ChatRag.Hosting;
using ChatRag.TestKit.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatRag.Server.Tests;

/// <summary>
/// The real server in ApiKeys mode with its ServiceDefaults telemetry exported in memory, and a scripted model (behind
/// the production decoder middleware) that calls search_documents once and then answers with token usage.
/// </summary>
public sealed class ObservabilityFixture : IAsyncLifetime
{
    /// <summary>Text only the stored document holds: it must never reach a span or a log.</summary>
    public const string SecretPassage = "The vault combination is QUARTZ-7731-HELIOTROPE and the storm damaged the lighthouse";

    private readonly ChatRagServerFactory inner = new(new Dictionary<string, string?>
    {
        ["ChatRag:Auth:Mode"] = "ApiKeys",
        // Stricter than the shipped Information level: nothing logged at Debug may carry document text or keys either.
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft"] = "Debug",
    });

    public ObservabilityFixture()
    {
        Factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddChatClient(Model).UseFunctionInvocation().UseChatRagTelemetry();
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
            services.ConfigureOpenTelemetryLoggerProvider(l => l.AddInMemoryExporter(Logs));
        }));
    }

    public ScriptedChatClient Model { get; } = new(
        [new FunctionCallContent("call-1", "chatrag_search_documents", new Dictionary<string, object?> { ["query"] = "lighthouse storm", ["top"] = 3 })],
        [
            new TextContent("The storm damaged the lighthouse [1]."),
            new UsageContent(new UsageDetails { InputTokenCount = 120, OutputTokenCount = 30, TotalTokenCount = 150 }),
        ]);

    public WebApplicationFactory<ServerMarker> Factory { get; }

    /// <summary>Every span the server's tracer provider exported (other servers in this process share the static sources: filter by trace).</summary>
    public SynchronizedList<Activity> Spans { get; } = new();

    public SynchronizedList<MetricSnapshot> Metrics { get; } = new();

    public SynchronizedList<LogRecord> Logs { get; } = new();

    /// <summary>A key for the default collection.</summary>
    public string Key { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _ = Factory.Server;
        await Factory.AddDocumentAsync("default", "keeper-notes.txt", SecretPassage + ".", "The keeper logs the weather every night.");
        Key = (await Factory.Services.GetRequiredService<ChatRag.Core.Security.IApiKeyStore>().CreateAsync("otel-test", "default")).Key;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await inner.DisposeAsync();
    }

    /// <summary>Collects the meters now (the in-memory reader exports only when asked).</summary>
    public List<MetricSnapshot> CollectMetrics()
    {
        Factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        return Metrics.Snapshot();
    }
}

/// <summary>A list the exporters append to from server threads while a test reads it.</summary>
public sealed class SynchronizedList<T> : ICollection<T>
{
    private readonly List<T> items = [];

    public int Count
    {
        get
        {
            lock (items)
            {
                return items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public List<T> Snapshot()
    {
        lock (items)
        {
            return [.. items];
        }
    }

    public void Add(T item)
    {
        lock (items)
        {
            items.Add(item);
        }
    }

    public void Clear()
    {
        lock (items)
        {
            items.Clear();
        }
    }

    public bool Contains(T item)
    {
        lock (items)
        {
            return items.Contains(item);
        }
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (items)
        {
            items.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(T item)
    {
        lock (items)
        {
            return items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
