using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// Excel (.xlsx): each sheet is a section headed by its name and numbered as a page; its rows become one table
/// whose first row is the header. Rows stream through a SAX reader so a huge sheet never loads whole; rows and
/// cells past the limits are dropped with a warning. Values are the cached results (numbers unformatted).
/// </summary>
public sealed class SpreadsheetDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind == DocumentKind.Xlsx;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = await OpenXmlPackages.BufferAsync(content, cancellationToken);
        using var package = SpreadsheetDocument.Open(buffer, false, OpenXmlPackages.Settings(context.Limits));
        var workbook = package.WorkbookPart
            ?? throw new CorruptDocumentException("The workbook part is missing; the file is damaged. Save it again in Excel and upload the new file.");
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (sheets.Count > context.Limits.MaxSheets)
        {
            throw new DocumentLimitExceededException(
                $"The workbook has {sheets.Count:N0} sheets; the limit is {context.Limits.MaxSheets:N0}. Split it and upload the parts separately.");
        }

        var shared = SharedStrings(workbook.SharedStringTablePart, context.Limits, cancellationToken);
        var builder = DocumentTextBuilder.For(DocumentKind.Xlsx, context, cancellationToken);
        var budget = new CellBudget(context.Limits.MaxCells);
        for (var i = 0; i < sheets.Count; i++)
        {
            if (sheets[i].Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart worksheet)
            {
                continue;
            }

            builder.Page = i + 1;
            builder.ResetHeadings();
            builder.AddHeading(sheets[i].Name?.Value ?? $"Sheet {i + 1}", 1);
            var rows = ReadRows(worksheet, shared, context.Limits, budget, out var truncated, out var narrowed, cancellationToken);
            if (truncated)
            {
                builder.Warnings.Add($"Sheet '{sheets[i].Name?.Value}' was cut at {rows.Count:N0} rows (the configured row/cell limit).");
            }

            if (narrowed)
            {
                builder.Warnings.Add($"Sheet '{sheets[i].Name?.Value}' has cells past column {context.Limits.MaxTableColumns:N0} (the configured column limit); they were left out.");
            }

            builder.AddTable(rows);
        }

        return builder.Build(sheets.Count);
    }

    /// <summary>
    /// The shared strings, each cut to the cell limit once here, so that thousands of cells referencing one huge
    /// string share one bounded copy. Streamed: only one string item is ever loaded as a tree.
    /// </summary>
    private static List<string> SharedStrings(SharedStringTablePart? part, IngestionLimitsOptions limits, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        OpenXmlPackages.Scan(part, limits, cancellationToken);
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = reader.LoadCurrentElement()?.InnerText ?? string.Empty;
                strings.Add(text.Length > limits.MaxCellCharacters ? text[..limits.MaxCellCharacters] : text);
            }
        }

        return strings;
    }

    private static List<IReadOnlyList<string>> ReadRows(
        WorksheetPart worksheet, List<string> shared, IngestionLimitsOptions limits, CellBudget budget, out bool truncated, out bool narrowed, CancellationToken cancellationToken)
    {
        var maxRows = limits.MaxRowsPerSheet;
        var maxColumns = limits.MaxTableColumns;
        var rows = new List<IReadOnlyList<string>>();
        truncated = false;
        narrowed = false;
        OpenXmlPackages.Scan(worksheet, limits, cancellationToken);
        using var reader = OpenXmlReader.Create(worksheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value, maxColumns) ?? cells.Count;
                if (column >= maxColumns)
                {
                    narrowed = true;
                    break;
                }

                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(CellText(cell, shared));
            }

            if (rows.Count >= maxRows || !budget.TryTake(cells.Count))
            {
                truncated = true;
                break;
            }

            if (cells.Any(c => c.Length > 0))
            {
                rows.Add(cells);
            }
        }

        return rows;
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index >= 0 && index < shared.Count ? shared[index] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        return raw ?? string.Empty;
    }

    /// <summary>Zero-based column of a reference such as <c>AB12</c>.</summary>
    private static int? ColumnIndex(string? reference, int maxColumns)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
            if (column > maxColumns)
            {
                return maxColumns;
            }
        }

        return column == 0 ? null : column - 1;
    }

    private sealed class CellBudget(long remaining)
    {
        public bool TryTake(int cells)
        {
            remaining -= cells;
            return remaining >= 0;
        }
    }
}
