using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary>
/// <c>bench load --url U --clients N --duration S</c>: N concurrent HTTP clients mixing search, chat and streamed chat
/// against a running server; prints per-kind counts, failures by status and p50/p95/p99; exits 1 when any request failed.
/// </summary>
internal static class LoadBenchCommand
{
    // Used when no --queries file is given: questions of the kind a SciFact-like corpus can answer.
    private static readonly string[] DefaultQueries =
    [
        "What is the effect of vitamin D on bone density?",
        "Does smoking increase the risk of lung cancer?",
        "How do statins affect cholesterol levels?",
        "What role does inflammation play in atherosclerosis?",
        "Is obesity associated with type 2 diabetes?",
        "How does aspirin reduce the risk of heart attack?",
        "What is the function of microRNA in gene regulation?",
        "Do antibiotics change the gut microbiome?",
        "What causes antibiotic resistance in bacteria?",
        "How does exercise influence blood pressure?",
        "Which mutations are associated with breast cancer?",
        "What is the role of T cells in autoimmune disease?",
        "Does sleep deprivation impair memory?",
        "How do stem cells differentiate into neurons?",
        "What are the side effects of chemotherapy?",
        "Is malaria transmission reduced by bed nets?",
    ];

    public static Command Create(Option<FileInfo?> json)
    {
        var url = new Option<string>("--url") { Description = "The running server.", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients.", DefaultValueFactory = _ => 50 };
        var duration = new Option<int>("--duration") { Description = "Seconds to run.", DefaultValueFactory = _ => 120 };
        var ratio = new Option<double>("--chat-ratio") { Description = "Share of requests that are chats (half of them streamed); the rest are searches.", DefaultValueFactory = _ => 0.5 };
        var apiKey = new Option<string?>("--api-key") { Description = "Sent as X-Api-Key when the server has keys." };
        var collection = new Option<string>("--collection") { Description = "Collection to search and chat in.", DefaultValueFactory = _ => "default" };
        var queries = new Option<FileInfo?>("--queries") { Description = "Questions, one per line (or JSON lines with a \"text\" field, e.g. SciFact queries.jsonl)." };
        var requests = new Option<int?>("--requests") { Description = "Stop each client after this many requests (the duration stays a cap)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds before one request counts as failed.", DefaultValueFactory = _ => 100 };
        var command = new Command("load", "Concurrent clients mixing search and chat (plain and streamed) against a running server.")
        {
            url, clients, duration, ratio, apiKey, collection, queries, requests, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address))
            {
                AnsiConsole.MarkupLine("[red]--url must be an absolute URL such as http://127.0.0.1:5000.[/]");
                return 2;
            }

            var settings = new LoadBenchSettings(
                address, parse.GetValue(clients), parse.GetValue(duration), parse.GetValue(ratio), parse.GetValue(collection)!, parse.GetValue(timeout), parse.GetValue(requests));
            if (settings.Clients is < 1 or > 10_000 || settings.DurationSeconds < 1 || settings.ChatRatio is < 0 or > 1 || settings.TimeoutSeconds < 1 || settings.RequestsPerClient < 1)
            {
                AnsiConsole.MarkupLine("[red]--clients must be 1..10000, --duration, --timeout and --requests at least 1, --chat-ratio 0..1.[/]");
                return 2;
            }

            var questions = parse.GetValue(queries) is { } file ? await ReadQueriesAsync(file, cancellationToken) : DefaultQueries;
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
            if (parse.GetValue(apiKey) is { Length: > 0 } key)
            {
                http.DefaultRequestHeaders.Add("X-Api-Key", key);
            }

            AnsiConsole.MarkupLine($"[grey]{settings.Clients} clients, {settings.DurationSeconds} s, chat ratio {Str(settings.ChatRatio)}, {questions.Count} questions, {Markup.Escape(settings.Url.ToString())}[/]");
            var result = await new LoadBenchRunner(http, settings, questions).RunAsync(cancellationToken);
            Render(result);
            if (parse.GetValue(json) is { } output)
            {
                await File.WriteAllTextAsync(output.FullName, JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cancellationToken);
            }

            return result.Errors == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Render(LoadBenchResult result)
    {
        var table = new Table().AddColumns("kind", "requests", "ok", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var row in result.Kinds.Append(result.Total))
        {
            table.AddRow(row.Kind, Str(row.Requests), Str(row.Ok), Str(row.Errors), Str(row.RequestsPerSecond), Str(row.P50Ms), Str(row.P95Ms), Str(row.P99Ms), Str(row.MaxMs));
        }

        AnsiConsole.Write(table);
        var failures = result.Failures.Count == 0 ? "none" : string.Join(", ", result.Failures.Select(f => $"{f.Key}: {f.Value}"));
        AnsiConsole.MarkupLine($"{Str(result.Seconds)} s, failures by outcome: {Markup.Escape(failures)} (429s: {Str(result.RateLimited)})");
    }

    private static async Task<IReadOnlyList<string>> ReadQueriesAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(file.FullName, cancellationToken);
        var questions = lines.Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.StartsWith('{') && JsonDocument.Parse(l).RootElement.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : l)
            .Where(q => q.Length > 0).ToList();
        return questions.Count > 0 ? questions : throw new InvalidOperationException($"{file.FullName} holds no questions.");
    }

    private static string Str(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
