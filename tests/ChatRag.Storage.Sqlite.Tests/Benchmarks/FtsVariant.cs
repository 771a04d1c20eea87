using ChatRag.Core.Evaluation;
using System.Text.RegularExpressions;
using ChatRag.TextAnalysis.Analysis;
using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Tests.Benchmarks;

/// <summary>
/// A scratch FTS5 table (title and body columns) used to compare tokenizers and scoring before choosing the
/// production configuration. Text and queries are raw words here (the tokenizer under test does all the work); queries
/// drop English and French stop words, as production queries did before the shared analysis.
/// </summary>
internal sealed class FtsVariant : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly List<string> ids = [];

    private FtsVariant(SqliteConnection connection) => this.connection = connection;

    public static async Task<FtsVariant> BuildAsync(string path, string tokenizer, BeirDataset data)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var variant = new FtsVariant(connection);
        await variant.ExecAsync($"""
            PRAGMA journal_mode=WAL;
            CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='{tokenizer}');
            CREATE VIRTUAL TABLE one USING fts5(text, tokenize='{tokenizer}');
            CREATE VIRTUAL TABLE one_inst USING fts5vocab(one, instance);
            CREATE VIRTUAL TABLE qtok USING fts5(text, tokenize='{tokenizer}');
            CREATE VIRTUAL TABLE qtok_row USING fts5vocab(qtok, row);
            """);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var two = connection.CreateCommand();
        two.CommandText = "INSERT INTO docs(rowid, title, body) VALUES ($id, $title, $body); INSERT INTO one(rowid, text) VALUES ($id, $text)";
        var id = two.Parameters.Add("$id", SqliteType.Integer);
        var title = two.Parameters.Add("$title", SqliteType.Text);
        var body = two.Parameters.Add("$body", SqliteType.Text);
        var text = two.Parameters.Add("$text", SqliteType.Text);
        foreach (var doc in data.Corpus)
        {
            id.Value = variant.ids.Count;
            title.Value = doc.Title;
            body.Value = doc.Text;
            text.Value = BeirData.Text(doc);
            await two.ExecuteNonQueryAsync();
            variant.ids.Add(doc.Id);
        }

        await tx.CommitAsync();
        return variant;
    }

    /// <summary>FTS5's built-in bm25 (k1 1.2, b 0.75) over the one-column table, or over title/body with a title weight.</summary>
    public async Task<IReadOnlyList<string>> SearchFtsAsync(string query, double? titleWeight)
    {
        var terms = RawTerms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.CommandText = titleWeight is { } w
            ? $"SELECT rowid FROM docs WHERE docs MATCH $m ORDER BY bm25(docs, {w.ToString(System.Globalization.CultureInfo.InvariantCulture)}, 1.0) LIMIT 100"
            : "SELECT rowid FROM one WHERE one MATCH $m ORDER BY bm25(one) LIMIT 100";
        command.Parameters.AddWithValue("$m", string.Join(" OR ", terms.Select(t => "\"" + t + "\"")));
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(ids[(int)reader.GetInt64(0)]);
        }

        return result;
    }

    /// <summary>Our own BM25 over FTS5's data: query terms tokenized by the same tokenizer, postings from fts5vocab.</summary>
    public async Task<IReadOnlyList<string>> SearchOwnBm25Async(string query, double k1, double b, Bm25Stats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        await ExecAsync("DELETE FROM qtok");
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO qtok(text) VALUES ($q)";
            insert.Parameters.AddWithValue("$q", query);
            await insert.ExecuteNonQueryAsync();
        }

        var terms = new List<string>();
        await using (var vocab = connection.CreateCommand())
        {
            vocab.CommandText = "SELECT term FROM qtok_row";
            await using var reader = await vocab.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                terms.Add(reader.GetString(0));
            }
        }

        var scores = new Dictionary<long, double>();
        foreach (var term in terms)
        {
            if (!stats.Postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            var idf = Math.Log(1 + ((stats.Count - postings.Count + 0.5) / (postings.Count + 0.5)));
            foreach (var (doc, tf) in postings)
            {
                var norm = k1 * (1 - b + (b * stats.Lengths[doc] / stats.AverageLength));
                scores[doc] = scores.GetValueOrDefault(doc) + (idf * tf * (k1 + 1) / (tf + norm));
            }
        }

        return scores.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(100).Select(p => ids[(int)p.Key]).ToList();
    }

    /// <summary>Reads every posting (term, document, frequency) out of FTS5 once, through fts5vocab.</summary>
    public async Task<Bm25Stats> StatsAsync()
    {
        var lengths = new Dictionary<long, int>();
        var postings = new Dictionary<string, List<(long Doc, int Tf)>>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT term, doc, COUNT(*) FROM one_inst GROUP BY term, doc";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var term = reader.GetString(0);
            var doc = reader.GetInt64(1);
            var tf = reader.GetInt32(2);
            if (!postings.TryGetValue(term, out var list))
            {
                postings[term] = list = [];
            }

            list.Add((doc, tf));
            lengths[doc] = lengths.GetValueOrDefault(doc) + tf;
        }

        return new Bm25Stats(lengths, postings, ids.Count, lengths.Values.Average());
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private async Task ExecAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    internal sealed record Bm25Stats(IReadOnlyDictionary<long, int> Lengths, IReadOnlyDictionary<string, List<(long Doc, int Tf)>> Postings, int Count, double AverageLength);

    private static List<string> RawTerms(string query)
    {
        var words = Regex.Matches(query.ToLowerInvariant(), @"[\p{L}\p{N}\p{M}]+").Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var content = words.Where(w => !TextAnalyzer.IsStopWord(w, "en") && !TextAnalyzer.IsStopWord(w, "fr")).ToList();
        return content.Count > 0 ? content : words;
    }
}
