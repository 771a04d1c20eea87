using System.CommandLine;
using System.Diagnostics;
using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary><c>ingest &lt;path...&gt;</c>: uploads files (folders recursively) and runs the ingestion pipeline in-process.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files or folders (read recursively).", Arity = ArgumentArity.OneOrMore };
        var collection = new Option<string>("--collection") { Description = "Collection to add the documents to.", DefaultValueFactory = _ => "default" };
        var command = new Command("ingest", "Add documents: the same durable pipeline as uploads to the server, run in this process.") { paths, collection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = Expand(parse.GetValue(paths)!, out var missing);
            foreach (var path in missing)
            {
                AnsiConsole.MarkupLine($"[red]Not found:[/] {Markup.Escape(path)}");
            }

            using var host = await CliHost.StartAsync(parse, cancellationToken: cancellationToken);
            var jobs = host.Services.GetRequiredService<IIngestionJobStore>();
            var uploader = host.Services.GetRequiredService<DocumentUploader>();
            var processor = host.Services.GetRequiredService<DocumentIngestionProcessor>();

            // Jobs a killed run left in processing are picked up again here.
            await jobs.RequeueInterruptedAsync(cancellationToken);
            var clock = Stopwatch.StartNew();
            var outcomes = new List<(string File, string Status, string Detail)>();
            var queued = new Dictionary<Guid, string>();
            foreach (var file in files)
            {
                try
                {
                    await using var stream = File.OpenRead(file);
                    var outcome = await uploader.UploadAsync(stream, Path.GetFileName(file), parse.GetValue(collection)!, cancellationToken);
                    if (outcome.IsDuplicate)
                    {
                        outcomes.Add((file, "duplicate", $"already stored as {outcome.Id}"));
                    }
                    else
                    {
                        queued[outcome.Id] = file;
                    }
                }
                catch (DocumentRejectedException e)
                {
                    outcomes.Add((file, "failed", e.Message));
                }
            }

            var uploadTime = clock.Elapsed;
            var results = await RunAsync(processor, queued.Count, cancellationToken);
            var total = clock.Elapsed;
            foreach (var r in results)
            {
                var file = queued.GetValueOrDefault(r.DocumentId, r.Name);
                outcomes.Add((file, r.Status, r.Status == "ready" ? $"{r.Chunks} chunks" : r.Error ?? string.Empty));
            }

            Report(outcomes, results, uploadTime, total);
            return outcomes.Any(o => o.Status == "failed") || missing.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static List<string> Expand(string[] paths, out List<string> missing)
    {
        missing = [];
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(path);
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    private static Task<IReadOnlyList<IngestionResult>> RunAsync(DocumentIngestionProcessor processor, int queued, CancellationToken cancellationToken) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var overall = context.AddTask("Documents", maxValue: Math.Max(1, queued));
                var current = context.AddTask("Chunks", maxValue: 1);
                Guid? currentId = null;
                var progress = new SynchronousProgress<(IngestionJob Job, int Done, int Total)>(p =>
                {
                    if (currentId != p.Job.DocumentId)
                    {
                        currentId = p.Job.DocumentId;
                        overall.Increment(currentId is null ? 0 : 1);
                        current.Description = Markup.Escape(Shorten(p.Job.Name, 40));
                    }

                    current.MaxValue = Math.Max(1, p.Total);
                    current.Value = p.Done;
                });
                var results = await processor.DrainAsync(progress, cancellationToken);
                overall.Value = overall.MaxValue;
                current.Value = current.MaxValue;
                return results;
            });

    private static void Report(List<(string File, string Status, string Detail)> outcomes, IReadOnlyList<IngestionResult> results, TimeSpan uploadTime, TimeSpan total)
    {
        var table = new Table().AddColumns("File", "Outcome", "Detail");
        foreach (var (file, status, detail) in outcomes.Take(200))
        {
            var colour = status switch { "ready" => "green", "duplicate" => "yellow", _ => "red" };
            table.AddRow(Markup.Escape(Shorten(file, 60)), $"[{colour}]{status}[/]", Markup.Escape(Shorten(detail, 100)));
        }

        AnsiConsole.Write(table);
        if (outcomes.Count > 200)
        {
            AnsiConsole.MarkupLine($"[grey]… and {outcomes.Count - 200} more.[/]");
        }

        var ready = results.Count(r => r.Status == "ready");
        var pages = results.Sum(r => r.Timings.Pages ?? 0);
        var seconds = Math.Max(total.TotalSeconds, 1e-9);
        var stage = (Func<StageTimings, double> pick) => results.Sum(r => pick(r.Timings)) / 1000;
        AnsiConsole.MarkupLine(
            $"{ready} ready, {outcomes.Count(o => o.Status == "failed")} failed, {outcomes.Count(o => o.Status == "duplicate")} duplicate; " +
            $"{results.Sum(r => r.Chunks)} chunks in {seconds:0.0} s ({ready / seconds:0.0} docs/s{(pages > 0 ? $", {pages / seconds:0.0} pages/s" : string.Empty)}).");
        AnsiConsole.MarkupLine(
            $"[grey]Time: upload {uploadTime.TotalSeconds:0.00} s, read {stage(t => t.ReadMs):0.00} s, parse {stage(t => t.ParseMs):0.00} s, chunk {stage(t => t.ChunkMs):0.00} s, " +
            $"store {stage(t => t.StoreMs):0.00} s, embed {stage(t => t.EmbedMs):0.00} s, index {stage(t => t.IndexMs):0.00} s.[/]");
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
