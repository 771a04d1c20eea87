using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// Word (.docx): headings from paragraph styles (or outline levels), lists from numbering, tables as rows.
/// Pages come from the page breaks Word records when it saves (<c>lastRenderedPageBreak</c>), so they are
/// only as accurate as the last save; documents without any break get no page numbers.
/// </summary>
public sealed class WordDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind == DocumentKind.Docx;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = await OpenXmlPackages.BufferAsync(content, cancellationToken);
        using var package = WordprocessingDocument.Open(buffer, false, OpenXmlPackages.Settings(context.Limits));
        var main = package.MainDocumentPart
            ?? throw new CorruptDocumentException("The Word document has no body; it is damaged. Save it again in Word and upload the new file.");
        var styles = WordStyles.Load(main);
        var builder = DocumentTextBuilder.For(DocumentKind.Docx, context, cancellationToken);
        var paged = false;
        var hasBody = false;
        OpenXmlPackages.Scan(main, context.Limits, cancellationToken, reader =>
        {
            hasBody |= reader.ElementType == typeof(Body);
            paged |= reader.ElementType == typeof(LastRenderedPageBreak)
                || (reader.ElementType == typeof(Break) && reader.Attributes.Any(a => a.LocalName == "type" && a.Value == "page"));
        });
        if (!hasBody)
        {
            throw new CorruptDocumentException("The Word document has no body; it is damaged. Save it again in Word and upload the new file.");
        }

        builder.Page = paged ? 1 : null;

        // Streamed: only one top-level paragraph or table is loaded as a tree at a time, and the text budget stops
        // the loop, so a huge document part never becomes one huge object graph.
        var listItems = new List<string>();
        using var xml = OpenXmlReader.Create(main);
        while (xml.Read())
        {
            if (!xml.IsStartElement || (xml.ElementType != typeof(Paragraph) && xml.ElementType != typeof(Table)))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var element = xml.LoadCurrentElement();
            if (element is not Paragraph && listItems.Count > 0)
            {
                builder.AddList(listItems);
                listItems.Clear();
            }

            switch (element)
            {
                case Paragraph paragraph:
                    if (paged)
                    {
                        builder.Page += CountPageBreaks(paragraph);
                    }

                    AddParagraph(paragraph, styles, builder, listItems);
                    break;
                case Table table:
                    builder.AddTable(table.Elements<TableRow>()
                        .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => CellText(c, builder)).ToList())
                        .ToList());
                    break;
            }
        }

        if (listItems.Count > 0)
        {
            builder.AddList(listItems);
        }

        return builder.Build(builder.Page);
    }

    private static void AddParagraph(Paragraph paragraph, WordStyles styles, DocumentTextBuilder builder, List<string> listItems)
    {
        var text = ParagraphText(paragraph, builder);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var level = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is int outline && outline < 9
            ? outline + 1
            : styles.HeadingLevel(styleId);
        if (level > 0)
        {
            if (listItems.Count > 0)
            {
                builder.AddList(listItems);
                listItems.Clear();
            }

            builder.AddHeading(text, level);
        }
        else if (paragraph.ParagraphProperties?.NumberingProperties is not null || styles.IsList(styleId))
        {
            listItems.Add(text);
        }
        else
        {
            if (listItems.Count > 0)
            {
                builder.AddList(listItems);
                listItems.Clear();
            }

            builder.AddParagraph(text);
        }
    }

    private static int CountPageBreaks(Paragraph paragraph) =>
        paragraph.Descendants<LastRenderedPageBreak>().Count() + paragraph.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page);

    private static string CellText(TableCell cell, DocumentTextBuilder builder) =>
        string.Join(' ', cell.Descendants<Paragraph>().Select(p => ParagraphText(p, builder)).Where(t => t.Length > 0));

    /// <summary>A paragraph's text, failing as soon as it alone passes the text budget rather than after copies of it.</summary>
    private static string ParagraphText(Paragraph paragraph, DocumentTextBuilder builder)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            if (text.Length > builder.Remaining)
            {
                throw builder.TooMuchText();
            }

            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }
}
