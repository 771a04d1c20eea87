using Microsoft.Data.Sqlite;

namespace ChatRag.Storage.Sqlite.Lexical.Postings;

/// <summary>
/// Tokenizes analysed terms exactly as the <c>chunks_fts</c> index does (<see cref="FtsSchema.Tokenizer"/>), by running them
/// through a private in-memory contentless FTS5 table and reading the tokens back with <c>fts5vocab</c>, so query and
/// chunk terms are split and folded by FTS5 itself, with no second implementation to drift.
/// </summary>
internal sealed class FtsTokenizer : IDisposable
{
    private readonly Lock gate = new();
    private readonly SqliteConnection connection;

    public FtsTokenizer()
    {
        connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute($"""
            CREATE VIRTUAL TABLE scratch USING fts5(Text, tokenize="{FtsSchema.Tokenizer}", content='');
            CREATE VIRTUAL TABLE scratch_tokens USING fts5vocab(scratch, instance);
            """);
    }

    /// <summary>Each text's tokens with their counts, and its token count.</summary>
    public IReadOnlyList<(Dictionary<string, int> Terms, int Length)> Tokenize(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new (Dictionary<string, int> Terms, int Length)[texts.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (new Dictionary<string, int>(StringComparer.Ordinal), 0);
        }

        lock (gate)
        {
            using var transaction = connection.BeginTransaction();
            using (var insert = connection.CreateCommand())
            {
                insert.CommandText = "INSERT INTO scratch(rowid, Text) VALUES ($id, $text)";
                var id = insert.Parameters.Add("$id", SqliteType.Integer);
                var text = insert.Parameters.Add("$text", SqliteType.Text);
                for (var i = 0; i < texts.Count; i++)
                {
                    id.Value = i;
                    text.Value = texts[i];
                    insert.ExecuteNonQuery();
                }
            }

            using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT term, doc FROM scratch_tokens";
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    ref var entry = ref result[reader.GetInt32(1)];
                    var term = reader.GetString(0);
                    entry.Terms[term] = entry.Terms.GetValueOrDefault(term) + 1;
                    entry.Length++;
                }
            }

            Execute("INSERT INTO scratch(scratch) VALUES ('delete-all')");
            transaction.Commit();
        }

        return result;
    }

    public void Dispose() => connection.Dispose();

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
