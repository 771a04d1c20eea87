using System.Diagnostics;
using System.Text.Json;

namespace ChatRag.Server.Tests;

/// <summary>
/// The CLI's <c>eval --answers</c> wiring, run as the built <c>chatrag.dll</c> on a three-document corpus: it ingests,
/// asks every question through the real chat path, and writes the report and one outcome per question. The full PIAF
/// run is the verb itself (docs/benchmarks.md), not a test.
/// </summary>
public sealed class AnswerEvalCliTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-answer-eval").FullName;

    [Theory]
    [InlineData("--candidates", "c.json")]
    [InlineData("--calibrate", null)]
    [InlineData("--unanswerable", "u.jsonl")]
    public async Task An_answers_option_without_answers_is_refused_instead_of_scoring_retrieval(string option, string? value)
    {
        var corpus = Write("corpus.jsonl", """{"_id": "d1", "title": "Bread", "text": "Bread rises because yeast produces carbon dioxide."}""");
        var queries = Write("queries.jsonl", """{"_id": "q1", "text": "Why does bread rise?"}""");
        var qrels = Write("qrels.tsv", "query-id\tcorpus-id\tscore", "q1\td1\t1");
        string[] extra = value is null ? [option] : [option, Path.Combine(root, value)];

        var (exit, output) = await RunCliAsync(["--data", Path.Combine(root, "data"), "eval", "--corpus", corpus, "--queries", queries, "--qrels", qrels, .. extra]);

        Assert.NotEqual(0, exit);
        Assert.Contains($"{option} needs --answers.", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "data")), "nothing was ingested");
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Answers_questions_with_gold_spans_and_refuses_gibberish_through_the_chat_path()
    {
        var corpus = Write("corpus.jsonl",
            """{"_id": "d1", "title": "Harrow lighthouse", "text": "The Harrow lighthouse was built in 1872 by the engineer Maria Ostrand. It stands 31 metres tall."}""",
            """{"_id": "d2", "title": "Bread", "text": "Bread rises because yeast produces carbon dioxide."}""",
            """{"_id": "d3", "title": "Saturn", "text": "Saturn's rings are made mostly of ice particles."}""");
        var queries = Write("queries.jsonl", """{"_id": "q1", "text": "Who built the Harrow lighthouse?"}""", """{"_id": "q2", "text": "Why does bread rise?"}""");
        var qrels = Write("qrels.tsv", "query-id\tcorpus-id\tscore", "q1\td1\t1", "q2\td2\t1");
        var answers = Write("answers.jsonl",
            """{"_id": "q1", "question": "Who built the Harrow lighthouse?", "answers": ["Maria Ostrand"]}""",
            """{"_id": "q2", "question": "Why does bread rise?", "answers": ["yeast produces carbon dioxide"]}""");
        var unanswerable = Write("unanswerable.jsonl", """{"_id": "u1", "question": "asdfgh qwerty"}""");
        var json = Path.Combine(root, "answers.json");

        var (exit, output) = await RunCliAsync(
            "--data", Path.Combine(root, "data"), "eval", "--corpus", corpus, "--queries", queries, "--qrels", qrels,
            "--answers", answers, "--unanswerable", unanswerable, "--json", json);

        Assert.True(exit == 0, output);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var report = result.RootElement.GetProperty("report");
        Assert.Equal(2, report.GetProperty("answerable").GetInt32());
        Assert.Equal(1, report.GetProperty("unanswerable").GetInt32());
        Assert.Equal(1.0, report.GetProperty("not_found_on_unanswerable").GetDouble());
        Assert.Equal(1.0, report.GetProperty("found_on_answerable").GetDouble());
        Assert.Equal(1.0, report.GetProperty("cited_has_gold").GetDouble());
        Assert.True(report.GetProperty("answer_has_gold").GetDouble() > 0, output);
        Assert.Equal(3, result.RootElement.GetProperty("outcomes").GetArrayLength());
        Assert.Contains("answer contains a gold span", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Candidates_writes_each_questions_passages_and_ranked_sentences_instead_of_chatting()
    {
        var corpus = Write("corpus.jsonl",
            """{"_id": "d1", "title": "Harrow lighthouse", "text": "The Harrow lighthouse was built in 1872 by the engineer Maria Ostrand. It stands 31 metres tall."}""",
            """{"_id": "d2", "title": "Bread", "text": "Bread rises because yeast produces carbon dioxide."}""");
        var queries = Write("queries.jsonl", """{"_id": "q1", "text": "Who built the Harrow lighthouse?"}""");
        var qrels = Write("qrels.tsv", "query-id\tcorpus-id\tscore", "q1\td1\t1");
        var answers = Write("answers.jsonl", """{"_id": "q1", "question": "Who built the Harrow lighthouse?", "answers": ["Maria Ostrand"]}""");
        var unanswerable = Write("unanswerable.jsonl", """{"_id": "u1", "question": "asdfgh qwerty"}""");
        var dump = Path.Combine(root, "candidates.json");

        var (exit, output) = await RunCliAsync(
            "--data", Path.Combine(root, "data"), "eval", "--corpus", corpus, "--queries", queries, "--qrels", qrels,
            "--answers", answers, "--unanswerable", unanswerable, "--candidates", dump);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("answer contains a gold span", output, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(dump));
        var details = result.RootElement.GetProperty("details");
        Assert.Equal(2, details.GetArrayLength());
        var first = details[0];
        Assert.Equal("q1", first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("answerable").GetBoolean());
        Assert.Equal("Person", first.GetProperty("kind").GetString());
        Assert.Equal(["harrow"], first.GetProperty("nameTerms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("I could not find an answer to this question in your documents.", first.GetProperty("notFound").GetString());
        var best = first.GetProperty("candidates")[0];
        Assert.Contains("Maria Ostrand", best.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(best.TryGetProperty("evidence", out _));
        Assert.Contains(first.GetProperty("sources").EnumerateArray().SelectMany(s => s.GetProperty("units").EnumerateArray()),
            u => u.GetProperty("text").GetString()!.StartsWith("It stands 31 metres tall", StringComparison.Ordinal));
        Assert.False(details[1].GetProperty("answerable").GetBoolean());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(root, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<(int Exit, string Output)> RunCliAsync(params string[] args)
    {
        // tests/ChatRag.Server.Tests/bin/<Configuration>/<tfm>/ → src/ChatRag.Cli/bin/<Configuration>/<tfm>/chatrag.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "..", "src", "ChatRag.Cli", "bin", here.Parent!.Name, here.Name, "chatrag.dll"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: CI runs every test assembly at once on two cores, and the verb loads the encoder.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
