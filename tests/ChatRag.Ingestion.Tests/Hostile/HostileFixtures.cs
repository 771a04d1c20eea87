using System.Globalization;
using System.IO.Compression;
using System.Text;
using ChatRag.Ingestion.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChatRag.Ingestion.Tests.Hostile;

/// <summary>Expansion bombs generated in code: small uploads that once made the worker allocate gigabytes.</summary>
internal static partial class HostileFixtures
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A header of <paramref name="columns"/> empty columns, then <paramref name="rows"/> one-cell rows (about 1.2 MB).</summary>
    public static byte[] CsvWideHeader(int columns = 1_000_000, int rows = 100_000)
    {
        var text = new StringBuilder(columns + (rows * 2));
        text.Append(',', columns - 1).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            text.Append("1\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>A small table whose second row holds one quoted cell of <paramref name="length"/> characters.</summary>
    public static byte[] CsvHugeCell(int length) =>
        Encoding.ASCII.GetBytes("name,notes\nfirst,\"" + LowEntropyText(length, seed: 3).Replace("\"", string.Empty, StringComparison.Ordinal) + "\"\nsecond,short\n");

    /// <summary>One shared string of <paramref name="length"/> characters referenced by <paramref name="cells"/> cells.</summary>
    public static byte[] XlsxSharedStringBomb(int length = 1_000_000, int cells = 2_000)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 1; r <= cells; r++)
            {
                data.Append(new Row(new Cell { CellReference = $"A{r}", DataType = CellValues.SharedString, CellValue = new CellValue("0") }) { RowIndex = (uint)r });
            }

            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Bomb" });
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text(LowEntropyText(length, seed: 5))));
        }

        return stream.ToArray();
    }

    /// <summary>One row of <paramref name="columns"/> numeric cells, far past any real sheet's width.</summary>
    public static byte[] XlsxWide(int columns) =>
        OfficeFixtures.Workbook(("Wide", [["name", "value"], Enumerable.Range(0, columns).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray()]));

    /// <summary>A Word document whose one paragraph holds <paramref name="characters"/> characters that compress about 50:1.</summary>
    public static byte[] DocxHugeParagraph(int characters) =>
        Docx($"<w:p><w:r><w:t>{LowEntropyText(characters, seed: 11)}</w:t></w:r></w:p>");

    /// <summary>A Word paragraph wrapped <paramref name="depth"/> elements deep: the SDK loads trees recursively.</summary>
    public static byte[] DocxDeeplyNested(int depth = 100_000) =>
        Docx("<w:p><w:r><w:t>Before.</w:t></w:r>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</w:p>");

    /// <summary>A Word table with one row of <paramref name="columns"/> cells.</summary>
    public static byte[] DocxWideTable(int columns) =>
        Docx("<w:tbl><w:tr>" + string.Concat(Enumerable.Range(0, columns).Select(c => $"<w:tc><w:p><w:r><w:t>c{c}</w:t></w:r></w:p></w:tc>")) + "</w:tr></w:tbl>");

    /// <summary>A one-slide deck whose body holds <paramref name="characters"/> characters of text.</summary>
    public static byte[] PptxHugeSlideText(int characters) =>
        OfficeFixtures.Presentation(("Huge", [LowEntropyText(characters, seed: 13)]));

    /// <summary>
    /// Letters that deflate about 50:1: runs of 'a' broken by random letters and spaces. Plain repetition would be
    /// refused by the zip ratio check before the reader is reached, which is not what these cases test.
    /// </summary>
    public static string LowEntropyText(int length, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append('a', Math.Min(length - text.Length, random.Next(0, 200)));
            if (text.Length < length)
            {
                text.Append(random.Next(8) == 0 ? ' ' : (char)('b' + random.Next(24)));
            }
        }

        return text.ToString();
    }

    private static byte[] Docx(string bodyXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Entry(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"R1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Entry(zip, "word/document.xml", $"<w:document xmlns:w=\"{WordNamespace}\"><w:body>{bodyXml}</w:body></w:document>");
        }

        return stream.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }
}
