using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary>
/// <c>bench ttfb --url U</c>: time to the first streamed byte of <c>/api/v1/chat</c> and of the OpenAI-compatible
/// <c>/v1/chat/completions</c> on the same question, alternating one request of each so both see the same server
/// state; the difference of the medians is what the OpenAI wrapper adds.
/// </summary>
internal static class TtfbBenchCommand
{
    public static Command Create(Option<FileInfo?> json)
    {
        var url = new Option<string>("--url") { Description = "The running server.", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var apiKey = new Option<string?>("--api-key") { Description = "Sent as Authorization: Bearer when the server has keys." };
        var collection = new Option<string>("--collection") { Description = "Collection to chat in.", DefaultValueFactory = _ => "default" };
        var question = new Option<string>("--question") { Description = "The question asked on both routes.", DefaultValueFactory = _ => "What does the document say?" };
        var requests = new Option<int>("--requests") { Description = "Timed requests per route (after one warm-up each).", DefaultValueFactory = _ => 20 };
        var command = new Command("ttfb", "Time to first byte of streamed /api/v1/chat against streamed /v1/chat/completions on the same question.")
        {
            url, apiKey, collection, question, requests,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address) || parse.GetValue(requests) < 1)
            {
                AnsiConsole.MarkupLine("[red]--url must be an absolute URL and --requests at least 1.[/]");
                return 2;
            }

            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
            if (parse.GetValue(apiKey) is { Length: > 0 } key)
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            }

            var text = parse.GetValue(question)!;
            var name = parse.GetValue(collection)!;
            object Native() => new { message = text, collection = name, stream = true };
            object OpenAI() => new { model = "chatrag/" + name, stream = true, messages = new[] { new { role = "user", content = text } } };
            List<double> native = [], openai = [];
            for (var i = 0; i <= parse.GetValue(requests); i++)
            {
                var a = await FirstByteAsync(http, "api/v1/chat", Native(), cancellationToken);
                var b = await FirstByteAsync(http, "v1/chat/completions", OpenAI(), cancellationToken);
                if (i > 0)
                {
                    native.Add(a);
                    openai.Add(b);
                }
            }

            var result = new TtfbResult(Percentile(native, 0.5), Percentile(native, 0.95), Percentile(openai, 0.5), Percentile(openai, 0.95), native.Count);
            var table = new Table().AddColumns("route", "p50 ms", "p95 ms");
            table.AddRow("POST /api/v1/chat (stream)", Str(result.NativeP50Ms), Str(result.NativeP95Ms));
            table.AddRow("POST /v1/chat/completions (stream)", Str(result.OpenAIP50Ms), Str(result.OpenAIP95Ms));
            table.AddRow("wrapper adds (p50)", Str(result.OpenAIP50Ms - result.NativeP50Ms), string.Empty);
            AnsiConsole.Write(table);
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static async Task<double> FirstByteAsync(HttpClient http, string route, object body, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(body) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[1];
        _ = await stream.ReadAsync(buffer, cancellationToken);
        var elapsed = watch.Elapsed.TotalMilliseconds;

        // Read the rest so the turn completes as a real client's would before the next request starts.
        await stream.CopyToAsync(Stream.Null, cancellationToken);
        return elapsed;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Str(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record TtfbResult(double NativeP50Ms, double NativeP95Ms, double OpenAIP50Ms, double OpenAIP95Ms, int Requests);
}
