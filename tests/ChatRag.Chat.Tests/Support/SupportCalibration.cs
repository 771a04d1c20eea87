using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatRag.Chat.Text;
using Xunit.Abstractions;

namespace ChatRag.Chat.Tests.Support;

/// <summary>
/// The measurement behind the support thresholds: SciFact claims against the abstracts the qrels cite for them
/// (positives) and against random other abstracts (negatives), lexical and embedding scores. Runs only when
/// <c>CHATRAG_SCIFACT_DIR</c> points at a BEIR SciFact folder; writes a report to <c>CHATRAG_SUPPORT_REPORT</c> or stdout.
/// </summary>
[Collection(BundledEncoderCollection.Name)]
public sealed class SupportCalibration(BundledEncoderFixture fixture, ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task SciFact_claims_separate_from_random_abstracts()
    {
        if (Environment.GetEnvironmentVariable("CHATRAG_SCIFACT_DIR") is not { Length: > 0 } dir)
        {
            return;
        }

        var count = int.Parse(Environment.GetEnvironmentVariable("CHATRAG_SUPPORT_CLAIMS") ?? "150", CultureInfo.InvariantCulture);
        var corpus = File.ReadLines(Path.Combine(dir, "corpus.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("_id").GetString()!, e => e.GetProperty("title").GetString() + ". " + e.GetProperty("text").GetString());
        var claims = File.ReadLines(Path.Combine(dir, "queries.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("_id").GetString()!, e => e.GetProperty("text").GetString()!);
        var pairs = File.ReadLines(Path.Combine(dir, "qrels", "dev.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(p => claims.ContainsKey(p[0]) && corpus.ContainsKey(p[1])).DistinctBy(p => p[0]).Take(count).ToList();
        var ids = corpus.Keys.ToList();
        var random = new Random(42);
        var positives = pairs.Select(p => (claims[p[0]], corpus[p[1]])).ToList();
        var negatives = pairs.Select(p => (claims[p[0]], corpus[ids.Where(id => id != p[1]).ElementAt(random.Next(ids.Count - 1))])).ToList();

        var posCos = await fixture.Scorer.ScoreAsync(positives);
        var negCos = await fixture.Scorer.ScoreAsync(negatives);
        var posLex = positives.Select(p => LexicalScorer.Support(p.Item1, p.Item2)).ToList();
        var negLex = negatives.Select(p => LexicalScorer.Support(p.Item1, p.Item2)).ToList();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{pairs.Count} claims; cited abstract vs random abstract");
        Describe(report, "lexical", posLex, negLex, [0.2, 0.3, 0.4, 0.5]);
        Describe(report, "cosine", posCos, negCos, [0.5, 0.55, 0.6, 0.65, 0.7, 0.75]);
        foreach (var (lex, cos) in new[] { (0.3, 0.6), (0.3, 0.65), (0.3, 0.7), (0.4, 0.65) })
        {
            var posFlag = posLex.Zip(posCos).Count(p => p.First < lex && p.Second < cos) / (double)pairs.Count;
            var negFlag = negLex.Zip(negCos).Count(p => p.First < lex && p.Second < cos) / (double)pairs.Count;
            report.AppendLine(CultureInfo.InvariantCulture, $"flag when lexical < {lex} and cosine < {cos}: cited flagged {posFlag:P1}, random flagged {negFlag:P1}");
        }

        output.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("CHATRAG_SUPPORT_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report.ToString());
        }
    }

    private static void Describe(StringBuilder report, string name, IReadOnlyList<double> pos, IReadOnlyList<double> neg, double[] thresholds)
    {
        var auc = pos.Sum(p => neg.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0.0)) / (pos.Count * (double)neg.Count);
        report.AppendLine(CultureInfo.InvariantCulture, $"{name}: cited mean {pos.Average():0.000} median {Median(pos):0.000}; random mean {neg.Average():0.000} median {Median(neg):0.000}; AUC {auc:0.000}");
        foreach (var t in thresholds)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {name} >= {t}: cited {pos.Count(p => p >= t) / (double)pos.Count:P1}, random {neg.Count(n => n >= t) / (double)neg.Count:P1}");
        }
    }

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
}
