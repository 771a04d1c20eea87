using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatRag.Core.Evaluation;
using ChatRag.Decoder.Onnx.Tokenization;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary>
/// <c>bench tokenizer --model DIR</c>: how long a decoder's <c>tokenizer.json</c> takes to load (the first, cold load,
/// and the median of the next runs) and how fast it encodes a corpus (characters and tokens per second, median of
/// runs). Qwen3's 11 MB <c>tokenizer.json</c> is the case the decoder issue names.
/// </summary>
internal static class TokenizerBenchCommand
{
    public static Command Create(Option<FileInfo?> json)
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder holding tokenizer.json.", Required = true };
        var corpus = new Option<FileInfo?>("--corpus")
        {
            Description = "Texts to encode: a JSON array of strings, BEIR-style JSON lines (title and text), or plain text. Default: a built-in mixed sample.",
        };
        var maxChars = new Option<int>("--max-chars") { Description = "Read at most this many characters of the corpus.", DefaultValueFactory = _ => 2_000_000 };
        var runs = new Option<int>("--runs") { Description = "Timed loads and encoding passes (after the first load).", DefaultValueFactory = _ => 5 };
        var command = new Command("tokenizer", "Load time of a decoder's tokenizer.json and its encoding throughput.") { model, corpus, maxChars, runs };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.Combine(parse.GetValue(model)!.FullName, "tokenizer.json");
            var count = parse.GetValue(runs);
            if (!File.Exists(path) || count < 1)
            {
                AnsiConsole.MarkupLine("[red]--model must hold a tokenizer.json and --runs be at least 1.[/]");
                return 2;
            }

            IReadOnlyList<string> texts;
            try
            {
                texts = await ReadCorpusAsync(parse.GetValue(corpus), parse.GetValue(maxChars), cancellationToken);
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]--corpus could not be read: {e.Message}[/]");
                return 2;
            }

            var result = Measure(path, texts, count);
            var table = new Table().AddColumns("measure", "value");
            table.AddRow("tokenizer.json", $"{result.FileBytes / 1048576.0:F1} MiB ({result.Kind})");
            table.AddRow("first load", $"{result.FirstLoadMs:F0} ms");
            table.AddRow($"load, median of {count}", $"{result.LoadMedianMs:F0} ms");
            table.AddRow("corpus", $"{result.Texts} texts, {result.Characters:N0} characters, {result.Tokens:N0} tokens");
            table.AddRow("encoding, first pass (empty word cache)", $"{result.FirstPassCharactersPerSecond:N0} chars/s");
            table.AddRow($"encoding, median of {count} later passes", $"{result.CharactersPerSecond:N0} chars/s, {result.TokensPerSecond:N0} tokens/s");
            AnsiConsole.Write(table);
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static TokenizerBenchResult Measure(string path, IReadOnlyList<string> texts, int runs)
    {
        var clock = Stopwatch.StartNew();
        var tokenizer = BpeTokenizer.FromFile(path);
        var first = clock.Elapsed.TotalMilliseconds;
        var loads = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            clock.Restart();
            tokenizer = BpeTokenizer.FromFile(path);
            loads.Add(clock.Elapsed.TotalMilliseconds);
        }

        // The first pass meets an empty word cache (every word merged from bytes), later ones mostly hit it.
        long tokens = 0;
        clock.Restart();
        foreach (var text in texts)
        {
            tokens += tokenizer.Encode(text).Count;
        }

        var firstPass = clock.Elapsed.TotalSeconds;

        var passes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            foreach (var text in texts)
            {
                _ = tokenizer.Encode(text);
            }

            passes.Add(clock.Elapsed.TotalSeconds);
        }

        var characters = texts.Sum(t => (long)t.Length);
        var seconds = RetrievalMetrics.Percentile(passes, 50);
        return new TokenizerBenchResult(
            new FileInfo(path).Length, tokenizer.GetType().Name, first, RetrievalMetrics.Percentile(loads, 50), texts.Count, characters, tokens,
            characters / firstPass, characters / seconds, tokens / seconds);
    }

    private static async Task<IReadOnlyList<string>> ReadCorpusAsync(FileInfo? file, int maxChars, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return Enumerable.Repeat(Sample, 200).ToList();
        }

        var content = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        IEnumerable<string> texts = content.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<string[]>(content) ?? []
            : file.Extension is ".jsonl"
                ? content.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Passage)
                : content.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        var total = 0;
        foreach (var text in texts.Where(t => t.Length > 0))
        {
            if (total >= maxChars)
            {
                break;
            }

            kept.Add(text);
            total += text.Length;
        }

        return kept;
    }

    private static string Passage(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
        var text = root.TryGetProperty("text", out var x) ? x.GetString() : null;
        return string.IsNullOrEmpty(title) ? text ?? string.Empty : $"{title}\n{text}";
    }

    // French with elisions, German compounds, CJK, emoji, code and numbers: the shapes the parity corpus covers.
    private const string Sample =
        "L'été dernier, j'ai visité l'Hôtel-Dieu à Montréal : c'était « magnifique » ! " +
        "Donaudampfschifffahrtsgesellschaftskapitän und Rechtsschutzversicherungsgesellschaften. " +
        "東京は日本の首都です。北京是中国的首都。 Family: 👩‍👩‍👧‍👦, flags: 🇫🇷🇩🇪. " +
        "def add(a, b):\n    return a + b\n\nThe 3.14159 constant and 1,234,567.89 dollars in 2026.";

    /// <summary>What <c>--json</c> writes.</summary>
    internal sealed record TokenizerBenchResult(
        long FileBytes, string Kind, double FirstLoadMs, double LoadMedianMs, int Texts, long Characters, long Tokens,
        double FirstPassCharactersPerSecond, double CharactersPerSecond, double TokensPerSecond);
}
