using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChatRag.Storage.Sqlite;
using ChatRag.Storage.Sqlite.Benchmarks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary><c>bench lexical</c>: BM25 search latency at scale, FTS5 ranking against the in-memory MaxScore index.</summary>
internal static class LexicalBenchCommand
{
    public static Command Create(Option<FileInfo?> json)
    {
        var count = new Option<int>("--count") { Description = "Synthetic chunks to store (Zipfian vocabulary, 60-180 words each).", DefaultValueFactory = _ => 100_000 };
        var words = new Option<int[]>("--words") { Description = "Query lengths in content words.", DefaultValueFactory = _ => [2, 5, 10], AllowMultipleArgumentsPerToken = true };
        var queries = new Option<int>("--queries") { Description = "Queries per length.", DefaultValueFactory = _ => 300 };
        var top = new Option<int>("--top") { Description = "Hits per query (hybrid search asks for ChatRag:Retrieval:CandidatesPerSignal = 100).", DefaultValueFactory = _ => 100 };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes over the queries; the median p50 / p95 is reported.", DefaultValueFactory = _ => 3 };
        var keep = new Option<DirectoryInfo?>("--keep") { Description = "Data directory to store the corpus in and reuse on later runs (default: a temporary one, deleted)." };
        var command = new Command("lexical", "Lexical (BM25) search p50/p95 at N synthetic chunks: FTS5 ranking vs the in-memory MaxScore index.") { count, words, queries, top, rounds, keep };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = parse.GetValue(keep)?.FullName ?? Path.Combine(Path.GetTempPath(), "chatrag-bench-lexical-" + Guid.NewGuid().ToString("N"));
            var services = new ServiceCollection()
                .AddSqliteStorage(new SqliteStorageSettings(directory))
                .BuildServiceProvider();
            try
            {
                await services.InitializeStorageAsync(cancellationToken);
                var progress = new SynchronousProgress<string>(line => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(line)}[/]"));
                var result = await LexicalSearchBenchmark.RunAsync(services, parse.GetValue(count), parse.GetValue(words)!, parse.GetValue(queries), parse.GetValue(top), parse.GetValue(rounds), progress, cancellationToken);
                var table = new Table().Title($"{result.Chunks:N0} chunks, top {result.Top}, median of {result.Rounds} rounds")
                    .AddColumns("query words", "FTS5 p50 / p95 ms", "FTS5 CPU ms/query", "in-memory p50 / p95 ms", "in-memory CPU ms/query", "same top-k as FTS5", "in-memory + re-scoring p50 / p95 ms", "re-scored CPU ms/query");
                foreach (var row in result.Rows)
                {
                    table.AddRow(Str(row.QueryWords, "0"), $"{Str(row.Fts5P50Ms, "0.00")} / {Str(row.Fts5P95Ms, "0.00")}", Str(row.Fts5CpuMs, "0.00"), $"{Str(row.MemoryP50Ms, "0.00")} / {Str(row.MemoryP95Ms, "0.00")}", Str(row.MemoryCpuMs, "0.00"), Str(row.OverlapAtK, "0.0000"), $"{Str(row.RescoredP50Ms, "0.00")} / {Str(row.RescoredP95Ms, "0.00")}", Str(row.RescoredCpuMs, "0.00"));
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"re-scored search right after an index change: p50 {result.AfterChangeRescoredP50Ms:F2} / p95 {result.AfterChangeRescoredP95Ms:F2} ms; the same searches unchanged: p50 {result.UnchangedRescoredP50Ms:F2} / p95 {result.UnchangedRescoredP95Ms:F2} ms")));
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"ingest {result.IngestSeconds:F1} s; in-memory index built in {result.MemoryBuildSeconds:F1} s ({result.MemoryBuildCpuSeconds:F1} s CPU), {result.MemoryBytes / 1_048_576.0:F0} MiB, {result.Terms:N0} terms, {result.Postings:N0} postings")));
                if (parse.GetValue(json) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
                }

                return 0;
            }
            finally
            {
                await services.DisposeAsync();
                SqliteConnection.ClearAllPools();
                if (parse.GetValue(keep) is null)
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        });
        return command;
    }

    private static string Str(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
