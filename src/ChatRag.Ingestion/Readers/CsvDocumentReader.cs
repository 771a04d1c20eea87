using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Readers;

/// <summary>CSV/TSV (RFC 4180 quoting): one table whose first row is the header.</summary>
public sealed class CsvDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind == DocumentKind.Csv;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = DocumentTextBuilder.For(DocumentKind.Csv, context, cancellationToken);
        var text = await PlainTextDocumentReader.ReadTextAsync(content, context, builder.Warnings, cancellationToken);
        var delimiter = ChooseDelimiter(text, context.FileName);
        var rows = new List<IReadOnlyList<string>>();
        var cells = 0L;
        foreach (var row in Parse(text, delimiter, context.Limits.MaxTableColumns))
        {
            // Checked per row, before anything pads rows to the widest one: a million-column header is a bomb.
            if (row.Count > context.Limits.MaxTableColumns)
            {
                throw new DocumentLimitExceededException(
                    $"Row {rows.Count + 1:N0} has {row.Count:N0} columns; the limit is {context.Limits.MaxTableColumns:N0}. Check the delimiter, or split the table into narrower files.");
            }

            if (rows.Count >= context.Limits.MaxRowsPerSheet || cells + row.Count > context.Limits.MaxCells)
            {
                builder.Warnings.Add($"Only the first {rows.Count:N0} rows were read (the configured row/cell limit).");
                break;
            }

            cells += row.Count;
            if (row.Any(c => c.Length > 0))
            {
                rows.Add(row);
            }
        }

        builder.AddTable(rows);
        return builder.Build(pageCount: null);
    }

    private static char ChooseDelimiter(string text, string fileName)
    {
        if (fileName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return '\t';
        }

        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length));
        var commas = firstLine.Count(',');
        var tabs = firstLine.Count('\t');
        var semicolons = firstLine.Count(';');
        return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    /// <summary>
    /// Streams rows; quoted fields may hold delimiters, quotes ("") and newlines. A row wider than
    /// <paramref name="maxColumns"/> is yielded as soon as it passes the limit, and parsing stops there.
    /// </summary>
    internal static IEnumerable<List<string>> Parse(string text, char delimiter, int maxColumns = int.MaxValue)
    {
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
                if (row.Count > maxColumns)
                {
                    yield return row;
                    yield break;
                }
            }
            else if (ch == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
