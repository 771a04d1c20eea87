using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatRag.Chat;
using ChatRag.Chat.Extractive;
using ChatRag.Chat.Orchestration;
using ChatRag.Core.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary>
/// <c>eval --answers</c>: runs the real chat path (rewrite, retrieval, evidence bar, answer, citation check) over
/// questions with gold answer spans and over questions the corpus cannot answer, and scores the answers.
/// </summary>
internal static class AnswerEvalRunner
{
    /// <summary>Settings of one run.</summary>
    public sealed record Settings(FileInfo Answers, FileInfo? Unanswerable, string Split, int Limit, bool Calibrate, double MinFound, FileInfo? Json)
    {
        /// <summary>When set, the ranked candidates of each question are written here instead of chatting (<see cref="AnswerCandidateDump"/>).</summary>
        public FileInfo? Candidates { get; init; }
    }

    public static async Task<int> RunAsync(IServiceProvider services, string collection, Settings settings, CancellationToken cancellationToken)
    {
        var questions = (await LoadAsync(settings.Answers, true, cancellationToken))
            .Where(q => QuerySplit.Contains(settings.Split, q.Id)).Take(settings.Limit).ToList();
        if (settings.Unanswerable is { } file)
        {
            questions.AddRange((await LoadAsync(file, false, cancellationToken)).Where(q => QuerySplit.Contains(settings.Split, q.Id)).Take(settings.Limit));
        }

        if (settings.Candidates is { } dump)
        {
            var records = new List<object>();
            foreach (var q in questions)
            {
                records.Add(await AnswerCandidateDump.OfAsync(services, collection, q, cancellationToken));
            }

            await File.WriteAllTextAsync(dump.FullName, JsonSerializer.Serialize(new { details = records }), cancellationToken);
            AnsiConsole.MarkupLine($"Wrote the ranked candidates of {records.Count} questions to {Markup.Escape(dump.FullName)}.");
            return 0;
        }

        await using var scope = services.CreateAsyncScope();
        var orchestrator = scope.ServiceProvider.GetRequiredService<ChatOrchestrator>();
        var outcomes = new List<AnswerOutcome>();
        // With --json, what was asked, expected and answered, so a failure can be read rather than guessed at.
        var details = new List<object>();
        var times = new List<double>();
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask("Answering", maxValue: Math.Max(1, questions.Count));
            foreach (var q in questions)
            {
                var clock = Stopwatch.StartNew();
                var response = await orchestrator.AnswerAsync(new ChatTurn(q.Text, null, collection, null, History: []), cancellationToken);
                times.Add(clock.Elapsed.TotalMilliseconds);
                var shown = response.Answer.StartsWith(ExtractiveAnswerer.Preface, StringComparison.Ordinal)
                    ? response.Answer[ExtractiveAnswerer.Preface.Length..].Trim()
                    : response.Answer.Trim();
                var quoted = response.Mode == "extractive" ? ExtractiveAnswerer.QuotedText(response.Answer) : response.Answer;
                var evidence = response.Trace.Evidence;
                outcomes.Add(new AnswerOutcome(
                    q.Id, q.Answerable, response.Found, response.Found && AnswerMetrics.ContainsAny(quoted, q.Gold),
                    response.Citations.Any(c => AnswerMetrics.ContainsAny(c.Text, q.Gold)), shown.Length, evidence?.Support ?? 0, evidence?.Cosine));
                details.Add(new { q.Id, question = q.Text, gold = q.Gold, answer = shown, cited = response.Citations.Select(c => c.Text).Distinct().ToList(), reason = evidence?.Reason });
                task.Increment(1);
            }
        });

        times.Sort();
        var p50 = times.Count == 0 ? 0 : times[times.Count / 2];
        var chat = services.GetRequiredService<IOptions<GroundedChatOptions>>().Value;
        var (minSupport, minCosine) = settings.Calibrate
            ? AnswerMetrics.Calibrate(outcomes, settings.MinFound)
            : (chat.AnswerMinSupport, chat.AnswerMinCosine);
        var report = AnswerMetrics.Summarise(outcomes, minSupport, minCosine, settings.Split, p50);
        Print(report, settings.Calibrate);
        if (settings.Json is { } output)
        {
            await File.WriteAllTextAsync(output.FullName, JsonSerializer.Serialize(new { report, outcomes, details }, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        }

        return 0;
    }

    private static void Print(AnswerReport report, bool calibrated)
    {
        static string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("metric", "value");
        table.AddRow("split", $"{report.Split} ({report.Answerable} answerable, {report.Unanswerable} unanswerable)");
        table.AddRow("answer contains a gold span", P(report.AnswerHasGold));
        table.AddRow("median answer chars", report.MedianAnswerChars.ToString("0", CultureInfo.InvariantCulture));
        table.AddRow("a cited passage contains a gold span", P(report.CitedHasGold));
        table.AddRow("found on answerable", P(report.FoundOnAnswerable));
        table.AddRow("not found on unanswerable", P(report.NotFoundOnUnanswerable));
        table.AddRow(calibrated ? "calibrated min support / cosine" : "min support / cosine", string.Create(CultureInfo.InvariantCulture, $"{report.MinSupport:0.00} / {report.MinCosine:0.00}"));
        table.AddRow("chat p50 ms", report.ChatP50Ms.ToString("0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }

    private static async Task<List<(string Id, string Text, IReadOnlyList<string> Gold, bool Answerable)>> LoadAsync(FileInfo file, bool answerable, CancellationToken cancellationToken)
    {
        var result = new List<(string, string, IReadOnlyList<string>, bool)>();
        var line = 0;
        foreach (var row in await File.ReadAllLinesAsync(file.FullName, cancellationToken))
        {
            line++;
            if (string.IsNullOrWhiteSpace(row))
            {
                continue;
            }

            using var json = JsonDocument.Parse(row);
            var root = json.RootElement;
            if (!root.TryGetProperty("_id", out var id) || !root.TryGetProperty("question", out var question))
            {
                throw new FormatException($"{file.Name}, line {line}: each line needs \"_id\" and \"question\".");
            }

            IReadOnlyList<string> gold = root.TryGetProperty("answers", out var answers) ? [.. answers.EnumerateArray().Select(a => a.GetString() ?? string.Empty)] : [];
            if (answerable && gold.Count == 0)
            {
                throw new FormatException($"{file.Name}, line {line}: an answerable question needs \"answers\".");
            }

            result.Add((id.GetString()!, question.GetString()!, gold, answerable));
        }

        return result;
    }
}
