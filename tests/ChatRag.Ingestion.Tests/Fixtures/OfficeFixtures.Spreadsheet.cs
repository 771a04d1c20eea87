using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChatRag.Ingestion.Tests.Fixtures;

internal static partial class OfficeFixtures
{
    /// <summary>A workbook; text cells go through the shared string table, numbers are numeric cells.</summary>
    public static byte[] Workbook(params (string Name, string[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = new List<string>();
            for (var s = 0; s < sheets.Length; s++)
            {
                var worksheet = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < sheets[s].Rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < sheets[s].Rows[r].Length; c++)
                    {
                        row.Append(Cell($"{(char)('A' + c)}{r + 1}", sheets[s].Rows[r][c], strings));
                    }

                    data.Append(row);
                }

                worksheet.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = (uint)(s + 1), Name = sheets[s].Name });
            }

            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(strings.Select(t => new SharedStringItem(new Text(t))));
        }

        return stream.ToArray();
    }

    private static Cell Cell(string reference, string value, List<string> strings)
    {
        if (double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return new Cell { CellReference = reference, CellValue = new CellValue(value) };
        }

        strings.Add(value);
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) };
    }
}
