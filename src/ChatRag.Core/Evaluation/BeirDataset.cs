using System.Globalization;
using System.Text.Json;

namespace ChatRag.Core.Evaluation;

/// <summary>A retrieval test set in BEIR layout: corpus, queries and graded relevance judgements.</summary>
public sealed class BeirDataset
{
    private BeirDataset(IReadOnlyList<BeirDocument> corpus, IReadOnlyDictionary<string, string> queries, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> qrels)
    {
        Corpus = corpus;
        Queries = queries;
        Qrels = qrels;
    }

    /// <summary>The documents, in file order.</summary>
    public IReadOnlyList<BeirDocument> Corpus { get; }

    /// <summary>Query text by query id (only queries that have judgements).</summary>
    public IReadOnlyDictionary<string, string> Queries { get; }

    /// <summary>Relevance grade by document id, by query id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Qrels { get; }

    /// <summary>Loads the three files; fails with a message naming the file and line on malformed input.</summary>
    public static async Task<BeirDataset> LoadAsync(string corpusPath, string queriesPath, string qrelsPath, CancellationToken cancellationToken = default)
    {
        var corpus = new List<BeirDocument>();
        await foreach (var (line, json) in ReadJsonLinesAsync(corpusPath, cancellationToken))
        {
            var id = Required(json, "_id", corpusPath, line);
            var title = json.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
            corpus.Add(new BeirDocument(id, title, Required(json, "text", corpusPath, line)));
        }

        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var row in await File.ReadAllLinesAsync(qrelsPath, cancellationToken))
        {
            lineNumber++;
            var cells = row.Split('\t');
            if (string.IsNullOrWhiteSpace(row) || (lineNumber == 1 && cells[0] == "query-id"))
            {
                continue;
            }

            if (cells.Length < 3 || !int.TryParse(cells[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade))
            {
                throw new FormatException($"{qrelsPath}:{lineNumber}: expected 'query-id<TAB>corpus-id<TAB>score'.");
            }

            if (!qrels.TryGetValue(cells[0], out var judged))
            {
                qrels[cells[0]] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            judged[cells[1]] = grade;
        }

        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var (line, json) in ReadJsonLinesAsync(queriesPath, cancellationToken))
        {
            var id = Required(json, "_id", queriesPath, line);
            if (qrels.ContainsKey(id))
            {
                queries[id] = Required(json, "text", queriesPath, line);
            }
        }

        var missing = qrels.Keys.Where(q => !queries.ContainsKey(q)).Take(3).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{qrelsPath} judges queries missing from {queriesPath}, for example '{string.Join("', '", missing)}'.");
        }

        return new BeirDataset(
            corpus,
            queries,
            qrels.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal));
    }

    private static async IAsyncEnumerable<(int Line, JsonElement Json)> ReadJsonLinesAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement json;
            try
            {
                json = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}:{line}: not valid JSON ({e.Message}).", e);
            }

            yield return (line, json);
        }
    }

    private static string Required(JsonElement json, string name, string path, int line) =>
        json.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ToString()
            : throw new FormatException($"{path}:{line}: missing \"{name}\".");
}
