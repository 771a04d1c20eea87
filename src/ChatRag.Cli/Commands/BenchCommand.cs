using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Benchmarks;
using ChatRag.VectorStore.Embedded.Benchmarks;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary><c>bench encoder|vectors|load|lexical|ttfb</c>: repeatable throughput and latency measurements of the hot paths.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<FileInfo?>("--json") { Description = "Also write the numbers to this JSON file.", Recursive = true };
        var command = new Command("bench", "Measure encoder throughput, vector and lexical search latency, and a running server under load.") { json };

        var batches = new Option<int[]>("--batch") { Description = "Batch sizes.", DefaultValueFactory = _ => [1, 16, 64], AllowMultipleArgumentsPerToken = true };
        var lengths = new Option<int[]>("--length") { Description = "Sequence lengths in tokens.", DefaultValueFactory = _ => [32, 128, 256], AllowMultipleArgumentsPerToken = true };
        var runs = new Option<int>("--runs") { Description = "Timed runs per cell (the median is reported).", DefaultValueFactory = _ => 5 };
        var provider = new Option<string?>("--provider") { Description = "Execution provider: auto, cpu or cuda (overrides ChatRag:Encoder:Provider); cuda fails instead of falling back." };
        var encoder = new Command("encoder", "Sequences/s and tokens/s of each configured encoder over a grid of batch sizes and lengths.") { batches, lengths, runs, provider };
        encoder.SetAction(async (parse, cancellationToken) =>
        {
            // One graph run per measured batch: the configured batch size (32) would otherwise split batch 64 and 256.
            var overrides = new Dictionary<string, string?>
            {
                ["ChatRag:Encoder:BatchSize"] = parse.GetValue(batches)!.Max().ToString(CultureInfo.InvariantCulture),
            };
            if (parse.GetValue(provider) is { } name)
            {
                overrides["ChatRag:Encoder:Provider"] = name;
            }

            using var host = await CliHost.StartAsync(parse, overrides, cancellationToken);
            var results = new Dictionary<string, IReadOnlyList<EncoderBenchmarkRow>>(StringComparer.Ordinal);
            foreach (var named in host.Services.GetRequiredService<IEncoderCatalog>().Encoders)
            {
                var rows = await EncoderBenchmark.RunAsync(named.Generator, parse.GetValue(batches)!, parse.GetValue(lengths)!, parse.GetValue(runs), cancellationToken);
                results[named.Space] = rows;
                var table = new Table().Title(named.Space).AddColumns("batch", "tokens", "seq/s", "tokens/s", "median ms");
                foreach (var row in rows)
                {
                    table.AddRow(Str(row.BatchSize), Str(row.TokenLength), Str(row.SequencesPerSecond, "0.0"), Str(row.TokensPerSecond, "0"), Str(row.MedianMilliseconds, "0.0"));
                }

                AnsiConsole.Write(table);
            }

            await WriteJsonAsync(parse.GetValue(json), results, cancellationToken);
            return 0;
        });

        var count = new Option<int>("--count") { Description = "Vectors to index.", DefaultValueFactory = _ => 100_000 };
        var dims = new Option<int>("--dims") { Description = "Vector length.", DefaultValueFactory = _ => 384 };
        var queries = new Option<int>("--queries") { Description = "Queries timed per mode.", DefaultValueFactory = _ => 500 };
        var vectors = new Command("vectors", "Embedded index: ingest, HNSW and exact search p50/p95, HNSW recall@10 against exact.") { count, dims, queries };
        vectors.SetAction(async (parse, cancellationToken) =>
        {
            var progress = new SynchronousProgress<string>(line => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(line)}[/]"));
            var result = await VectorIndexBenchmark.RunAsync(parse.GetValue(count), parse.GetValue(dims), parse.GetValue(queries), progress: progress, cancellationToken: cancellationToken);
            var table = new Table().AddColumns("measure", "value");
            table.AddRow("vectors", $"{result.Count:N0} x {result.Dimensions}");
            table.AddRow("HNSW (M, ef_add, ef_search)", $"{result.Connectivity}, {result.ExpansionAdd}, {result.ExpansionSearch}");
            table.AddRow("ingest s", Str(result.IngestSeconds, "0.0"));
            table.AddRow("reopen s", Str(result.ReopenSeconds, "0.00"));
            table.AddRow("HNSW p50 / p95 ms", $"{Str(result.AnnP50Ms, "0.00")} / {Str(result.AnnP95Ms, "0.00")}");
            table.AddRow("exact p50 / p95 ms", $"{Str(result.ExactP50Ms, "0.00")} / {Str(result.ExactP95Ms, "0.00")}");
            table.AddRow("HNSW recall@10 vs exact", Str(result.RecallAt10, "0.0000"));
            AnsiConsole.Write(table);
            await WriteJsonAsync(parse.GetValue(json), result, cancellationToken);
            return 0;
        });

        command.Subcommands.Add(encoder);
        command.Subcommands.Add(vectors);
        command.Subcommands.Add(LoadBenchCommand.Create(json));
        command.Subcommands.Add(LexicalBenchCommand.Create(json));
        command.Subcommands.Add(TtfbBenchCommand.Create(json));
        command.Subcommands.Add(TokenizerBenchCommand.Create(json));
        return command;
    }

    private static string Str(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task WriteJsonAsync<T>(FileInfo? file, T value, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        }
    }
}
