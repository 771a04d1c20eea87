using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatRag.Ingestion.Tests.Fixtures;

/// <summary>Office documents built with the OpenXml SDK, with known structure.</summary>
internal static partial class OfficeFixtures
{
    /// <summary>Title, two heading levels, paragraphs, a numbered list and a 3x2 table; a page break before "Results".</summary>
    public static byte[] WordWithHeadingsAndTable()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                Styled("Title", "Annual Report"),
                Styled("Heading1", "Introduction"),
                Plain("The company grew steadily. Revenue doubled in the second half."),
                Styled("Heading2", "Scope"),
                Plain("This report covers the northern region only."),
                ListItem("First item of the list"),
                ListItem("Second item of the list"),
                new Paragraph(new Run(new Break { Type = BreakValues.Page })),
                Styled("Heading1", "Results"),
                Table(["Region", "Revenue"], ["North", "120"], ["South", "80"]),
                Plain("Closing remarks after the table.")));
        }

        return stream.ToArray();
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph Plain(string text) => new(new Run(new Text(text)));

    private static Paragraph ListItem(string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new Text(text)));

    private static Table Table(params string[][] rows) =>
        new(rows.Select(r => new TableRow(r.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))))));
}
