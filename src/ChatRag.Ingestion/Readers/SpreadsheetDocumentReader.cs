using ChatRag.Ingestion.Errors;
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
    private const int MaxColumns = 1024;

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

        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var builder = new DocumentTextBuilder(DocumentKind.Xlsx, context.Limits.MaxExtractedCharacters);
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
            var rows = ReadRows(worksheet, shared, context.Limits.MaxRowsPerSheet, budget, out var truncated, cancellationToken);
            if (truncated)
            {
                builder.Warnings.Add($"Sheet '{sheets[i].Name?.Value}' was cut at {rows.Count:N0} rows (the configured row/cell limit).");
            }

            builder.AddTable(rows);
        }

        return builder.Build(sheets.Count);
    }

    private static List<IReadOnlyList<string>> ReadRows(
        WorksheetPart worksheet, string[] shared, int maxRows, CellBudget budget, out bool truncated, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string>>();
        truncated = false;
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
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                if (column >= MaxColumns)
                {
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

    private static string CellText(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index >= 0 && index < shared.Length ? shared[index] : string.Empty;
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
    private static int? ColumnIndex(string? reference)
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
            if (column > MaxColumns)
            {
                return MaxColumns;
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
