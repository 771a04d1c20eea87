using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Evaluation;
using ChatRag.Core.Retrieval;
using ChatRag.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary><c>eval</c>: scores retrieval on a BEIR-format set (nDCG@10, recall, MRR, ingest rate, query latency).</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo>("--corpus") { Description = "corpus.jsonl (_id, title, text).", Required = true };
        var queries = new Option<FileInfo>("--queries") { Description = "queries.jsonl (_id, text).", Required = true };
        var qrels = new Option<FileInfo>("--qrels") { Description = "qrels TSV (query-id, corpus-id, score) with a header line.", Required = true };
        var mode = new Option<SearchMode>("--mode") { Description = "dense, lexical or hybrid.", DefaultValueFactory = _ => SearchMode.Hybrid };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the scores to this JSON file." };
        var split = new Option<string>("--split") { Description = "Queries to score: all, tune or heldout (a fixed hash split).", DefaultValueFactory = _ => QuerySplit.All };
        var depth = new Option<int>("--depth") { Description = "Passages retrieved per query before grouping by document.", DefaultValueFactory = _ => 100 };
        var chunking = new Option<string>("--chunker") { Description = "How documents become chunks: whole (title + text as one chunk) or structured (the ingestion chunker).", DefaultValueFactory = _ => "whole" };
        var rerank = new Option<DirectoryInfo?>("--rerank") { Description = "Reorder the top fused candidates with this cross-encoder folder (model.onnx + tokenizer)." };
        var rerankCandidates = new Option<int>("--rerank-candidates") { Description = "Fused candidates the reranker rescores.", DefaultValueFactory = _ => 30 };
        var rerankBudget = new Option<int>("--rerank-budget-ms") { Description = "Reranking latency budget per query; the default is so large that quality is measured, not the budget.", DefaultValueFactory = _ => 600_000 };
        var answers = new Option<FileInfo?>("--answers") { Description = "Score answers instead of retrieval: questions with gold spans (jsonl: _id, question, answers), asked through the real chat path." };
        var unanswerable = new Option<FileInfo?>("--unanswerable") { Description = "With --answers: questions the corpus cannot answer (jsonl: _id, question); found must be false for them." };
        var limit = new Option<int>("--limit") { Description = "With --answers: at most this many questions of each file (after the split).", DefaultValueFactory = _ => int.MaxValue };
        var calibrate = new Option<bool>("--calibrate") { Description = "With --answers: lower the evidence bar, then report the thresholds that refuse the most unanswerable questions while --min-found of the answerable ones pass." };
        var minFound = new Option<double>("--min-found") { Description = "With --calibrate: share of answerable questions that must stay found.", DefaultValueFactory = _ => 0.95 };
        var candidates = new Option<FileInfo?>("--candidates") { Description = "With --answers: write each question's retrieved passages and ranked answer candidates to this JSON file instead of chatting (offline analysis, bench/answers/rescore.py)." };
        var command = new Command("eval", "Score retrieval (or, with --answers, answers) on a BEIR-format test set.")
        {
            corpus, queries, qrels, mode, json, split, depth, chunking, rerank, rerankCandidates, rerankBudget, answers, unanswerable, limit, calibrate, minFound, candidates,
        };
        // Options that only mean something with --answers (or that --candidates replaces) are refused rather than
        // silently ignored: a run that scores retrieval when answers were meant takes minutes to notice.
        command.Validators.Add(result =>
        {
            if (result.GetValue(answers) is null)
            {
                foreach (var (set, name) in new[] { (result.GetValue(unanswerable) is not null, "--unanswerable"), (result.GetValue(calibrate), "--calibrate"), (result.GetValue(candidates) is not null, "--candidates") })
                {
                    if (set)
                    {
                        result.AddError($"{name} needs --answers.");
                    }
                }
            }
            else if (result.GetValue(candidates) is not null && (result.GetValue(calibrate) || result.GetValue(json) is not null))
            {
                result.AddError("--candidates writes the candidates instead of chatting, so --calibrate and --json have nothing to report; leave them out.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chunkDepth = parse.GetValue(depth);
            var overrides = new Dictionary<string, string?>
            {
                ["ChatRag:Retrieval:MaxTop"] = Math.Max(100, chunkDepth).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (parse.GetValue(rerank) is { } rerankFolder)
            {
                overrides["ChatRag:Reranker:Model"] = rerankFolder.FullName;
                overrides["ChatRag:Reranker:Required"] = "true";
                overrides["ChatRag:Reranker:Candidates"] = parse.GetValue(rerankCandidates).ToString(System.Globalization.CultureInfo.InvariantCulture);
                overrides["ChatRag:Reranker:LatencyBudgetMs"] = parse.GetValue(rerankBudget).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(calibrate))
            {
                // Every question passes, so each outcome records its evidence and the thresholds are chosen afterwards.
                overrides["ChatRag:Chat:AnswerMinSupport"] = "0";
                overrides["ChatRag:Chat:AnswerMinCosine"] = "-1";
            }

            using var host = await CliHost.StartAsync(parse, overrides, cancellationToken);
            var services = host.Services;
            var data = await BeirDataset.LoadAsync(parse.GetValue(corpus)!.FullName, parse.GetValue(queries)!.FullName, parse.GetValue(qrels)!.FullName, cancellationToken);
            var evaluator = services.GetRequiredService<RetrievalEvaluator>();
            var encoders = services.GetRequiredService<IEncoderCatalog>();
            var chunkerName = parse.GetValue(chunking)!;
            var chunker = services.GetServices<IEvalChunker>().FirstOrDefault(c => c.Name.StartsWith(chunkerName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Unknown chunker '{chunkerName}'; available: {string.Join(", ", services.GetServices<IEvalChunker>().Select(c => c.Name))}.");
            var collection = await CollectionNameAsync(parse.GetValue(corpus)!, chunker, cancellationToken);
            var markers = Path.Combine(services.GetRequiredService<IOptions<ChatRagOptions>>().Value.DataDirectory, "eval");
            Directory.CreateDirectory(markers);

            // The chunks are stored once per (corpus, chunker); each encoder's vectors once per space, so adding an
            // encoder to the ensemble embeds only with the new one.
            var seconds = 0.0;
            var storedMarker = Path.Combine(markers, collection + ".stored");
            var reused = File.Exists(storedMarker);
            if (!reused)
            {
                await evaluator.ResetAsync(collection, cancellationToken);
                foreach (var stale in Directory.GetFiles(markers, collection + ".*"))
                {
                    File.Delete(stale);
                }

                seconds += await WithProgressAsync("Storing corpus", p => evaluator.StoreAsync(data, collection, d => chunker.Chunk(d), p, cancellationToken));
                await File.WriteAllTextAsync(storedMarker, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
            }

            if (parse.GetValue(mode) != SearchMode.Lexical)
            {
                foreach (var encoder in encoders.Encoders)
                {
                    var embeddedMarker = Path.Combine(markers, $"{collection}.{encoder.Space}.embedded");
                    if (!File.Exists(embeddedMarker))
                    {
                        reused = false;
                        seconds += await WithProgressAsync("Embedding", p => evaluator.EmbedAsync(collection, encoder, p, cancellationToken));
                        await File.WriteAllTextAsync(embeddedMarker, DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
                    }
                }
            }

            var ingestRate = seconds > 0 ? data.Corpus.Count / seconds : 0;
            if (parse.GetValue(answers) is { } answerFile)
            {
                var settings = new AnswerEvalRunner.Settings(
                    answerFile, parse.GetValue(unanswerable), parse.GetValue(split)!, parse.GetValue(limit), parse.GetValue(calibrate), parse.GetValue(minFound), parse.GetValue(json))
                {
                    Candidates = parse.GetValue(candidates),
                };
                return await AnswerEvalRunner.RunAsync(services, collection, settings, cancellationToken);
            }

            var report = await WithProgressAsync("Running queries", p => evaluator.EvaluateAsync(data, collection, parse.GetValue(mode), parse.GetValue(split)!, chunkDepth, p, cancellationToken));
            report = report with { IngestDocsPerSecond = ingestRate, IndexReused = reused };
            Print(report, collection);
            if (parse.GetValue(json) is { } output)
            {
                await File.WriteAllTextAsync(output.FullName, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static void Print(EvaluationReport report, string collection)
    {
        var table = new Table().AddColumns("metric", "value");
        table.AddRow("mode", report.Mode);
        table.AddRow("split", $"{report.Split} ({report.Queries} queries)");
        table.AddRow("encoders", report.Encoders.Count == 0 ? "-" : string.Join(", ", report.Encoders));
        if (report.Reranker is { } reranker)
        {
            table.AddRow("reranker", $"{reranker} ({report.RerankFallbacks} queries over budget, fused order kept)");
        }

        table.AddRow("nDCG@10", report.Ndcg10.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Recall@10", report.Recall10.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Recall@100", report.Recall100.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("MRR@10", report.Mrr10.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("ingest docs/s", report.IndexReused ? $"(index {collection} reused)" : report.IngestDocsPerSecond.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " (steps not already cached)");
        table.AddRow("query p50 ms", report.QueryP50Ms.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("query p95 ms", report.QueryP95Ms.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }

    private static async Task<string> CollectionNameAsync(FileInfo corpus, IEvalChunker chunker, CancellationToken cancellationToken)
    {
        // Same corpus bytes + same chunking = same stored chunks, so repeated runs (other modes, splits, encoders) reuse them.
        await using var stream = corpus.OpenRead();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken))[..12];
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(chunker.Name)))[..8];
        return $"eval-{hash}-{keyHash}";
    }

    private static Task<T> WithProgressAsync<T>(string title, Func<IProgress<EvaluationProgress>, Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress<EvaluationProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.Stage, out var task))
                    {
                        tasks[p.Stage] = task = context.AddTask($"{title}: {p.Stage}", maxValue: Math.Max(1, p.Total));
                    }

                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                return await work(progress);
            });
}
