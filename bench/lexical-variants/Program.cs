using System.Text.Json;
using ChatRag.Storage.Sqlite.Lexical;
using ChatRag.TextAnalysis.Analysis;
using Microsoft.Data.Sqlite;

// Exports what the lexical index of an `eval` data directory holds, so ranking variants can be scored offline:
//   docs.tsv    corpus id, title term count, the chunk's stored terms (Chunks.LexicalTerms, in order)
//   queries.tsv query id, the tagged terms both engines search (FtsQueryBuilder.SearchTerms)
// The title is the chunk's first line, as the eval's `whole` chunker writes it (title, newline, text).
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: export DATABASE QUERIES_JSONL OUT_DIR");
    return 2;
}

var (database, queriesPath, output) = (args[0], args[1], args[2]);
Directory.CreateDirectory(output);
using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
connection.Open();
var languages = new List<string>();
using (var command = connection.CreateCommand())
{
    command.CommandText = "SELECT DISTINCT Language FROM Chunks WHERE Language IS NOT NULL ORDER BY Language";
    using var reader = command.ExecuteReader();
    while (reader.Read())
    {
        languages.Add(reader.GetString(0));
    }
}

using (var docs = new StreamWriter(Path.Combine(output, "docs.tsv")))
using (var command = connection.CreateCommand())
{
    command.CommandText = "SELECT d.ExternalId, c.Language, c.Text, c.LexicalTerms FROM Chunks c JOIN Documents d ON d.Id = c.DocumentId ORDER BY c.Id";
    using var reader = command.ExecuteReader();
    while (reader.Read())
    {
        var text = reader.GetString(2);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var titleTerms = newline < 0 ? 0 : TextAnalyzer.IndexTerms(text[..newline], reader.GetString(1)).Count;
        docs.WriteLine($"{reader.GetString(0)}\t{titleTerms}\t{reader.GetString(3)}");
    }
}

using (var queries = new StreamWriter(Path.Combine(output, "queries.tsv")))
{
    foreach (var line in File.ReadLines(queriesPath))
    {
        var query = JsonDocument.Parse(line).RootElement;
        var terms = FtsQueryBuilder.SearchTerms(query.GetProperty("text").GetString() ?? string.Empty, languages);
        queries.WriteLine($"{query.GetProperty("_id").GetString()}\t{string.Join(' ', terms)}");
    }
}

Console.Error.WriteLine($"exported {output} (chunk languages: {string.Join(',', languages)})");
return 0;
