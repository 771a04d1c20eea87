using ChatRag.Core.Evaluation;

namespace ChatRag.Storage.Sqlite.Tests.Benchmarks;

internal static class BeirData
{
    /// <summary>Loads <c>shared/data/&lt;name&gt;</c> (found by walking up from the test binaries) with its dev qrels.</summary>
    public static Task<BeirDataset> LoadAsync(string name)
    {
        var root = Environment.GetEnvironmentVariable("CHATRAG_BEIR_DIR") ?? FindSharedData();
        var folder = Path.Combine(root, name);
        return BeirDataset.LoadAsync(
            Path.Combine(folder, "corpus.jsonl"),
            Path.Combine(folder, "queries.jsonl"),
            Path.Combine(folder, "qrels", "dev.tsv"));
    }

    /// <summary>The indexed text of a document, as the evaluator's whole-document chunker writes it.</summary>
    public static string Text(BeirDocument doc) => string.IsNullOrWhiteSpace(doc.Title) ? doc.Text : doc.Title + "\n" + doc.Text;

    /// <summary>Mean nDCG@10 of rankings (document ids, best first) by query id.</summary>
    public static double MeanNdcg(BeirDataset data, IReadOnlyDictionary<string, IReadOnlyList<string>> rankings) =>
        data.Queries.Keys.Average(q => RetrievalMetrics.Ndcg(rankings.TryGetValue(q, out var r) ? r : [], data.Qrels[q], 10));

    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/data not found above the test binaries; set CHATRAG_BEIR_DIR.");
    }
}
