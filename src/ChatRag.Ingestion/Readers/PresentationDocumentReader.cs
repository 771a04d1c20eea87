using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Drawing = DocumentFormat.OpenXml.Drawing;

namespace ChatRag.Ingestion.Readers;

/// <summary>PowerPoint (.pptx): each slide is a section headed by its title, numbered as a page; tables and speaker notes included.</summary>
public sealed class PresentationDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind == DocumentKind.Pptx;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var buffer = await OpenXmlPackages.BufferAsync(content, cancellationToken);
        using var package = PresentationDocument.Open(buffer, false, OpenXmlPackages.Settings(context.Limits));
        var presentation = package.PresentationPart
            ?? throw new CorruptDocumentException("The presentation has no slides part; it is damaged. Save it again in PowerPoint and upload the new file.");
        var slideIds = presentation.Presentation?.SlideIdList?.Elements<SlideId>().ToList() ?? [];
        if (slideIds.Count > context.Limits.MaxPages)
        {
            throw new DocumentLimitExceededException(
                $"The presentation has {slideIds.Count:N0} slides; the limit is {context.Limits.MaxPages:N0}. Split it and upload the parts separately.");
        }

        var builder = DocumentTextBuilder.For(DocumentKind.Pptx, context, cancellationToken);
        for (var i = 0; i < slideIds.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (slideIds[i].RelationshipId?.Value is not { } relationship || presentation.GetPartById(relationship) is not SlidePart slide)
            {
                continue;
            }

            OpenXmlPackages.Scan(slide, context.Limits, cancellationToken);
            if (slide.NotesSlidePart is { } notes)
            {
                OpenXmlPackages.Scan(notes, context.Limits, cancellationToken);
            }

            builder.Page = i + 1;
            builder.ResetHeadings();
            AddSlide(slide, i + 1, builder);
        }

        return builder.Build(slideIds.Count);
    }

    private static void AddSlide(SlidePart slide, int number, DocumentTextBuilder builder)
    {
        // Streamed: one shape or table at a time is loaded as a tree and reduced to its text at once, and the text
        // gathered so far is held to the budget, so a huge slide never becomes one huge object graph.
        var shapes = new List<(bool Title, List<string> Paragraphs)>();
        var tables = new List<IReadOnlyList<IReadOnlyList<string>>>();
        long gathered = 0;
        using (var reader = OpenXmlReader.Create(slide))
        {
            while (reader.Read())
            {
                if (reader.IsStartElement && reader.ElementType == typeof(Shape) && reader.LoadCurrentElement() is Shape shape)
                {
                    var paragraphs = Paragraphs(shape).ToList();
                    shapes.Add((IsTitle(shape), paragraphs));
                    gathered += paragraphs.Sum(p => (long)p.Length);
                }
                else if (reader.IsStartElement && reader.ElementType == typeof(Drawing.Table) && reader.LoadCurrentElement() is Drawing.Table table)
                {
                    var rows = table.Elements<Drawing.TableRow>()
                        .Select(r => (IReadOnlyList<string>)r.Elements<Drawing.TableCell>().Select(c => string.Join(' ', c.Descendants<Drawing.Paragraph>().Select(ParagraphText))).ToList())
                        .ToList();
                    tables.Add(rows);
                    gathered += rows.Sum(r => r.Sum(c => (long)c.Length));
                }

                if (gathered > builder.Remaining)
                {
                    throw builder.TooMuchText();
                }
            }
        }

        var title = shapes.FindIndex(s => s.Title);
        var titleText = title < 0 ? string.Empty : string.Join(' ', shapes[title].Paragraphs);
        builder.AddHeading(string.IsNullOrWhiteSpace(titleText) ? $"Slide {number}" : titleText, 1);

        foreach (var paragraphs in shapes.Where((_, index) => index != title).Select(s => s.Paragraphs))
        {
            if (paragraphs.Count == 1)
            {
                builder.AddParagraph(paragraphs[0]);
            }
            else if (paragraphs.Count > 1)
            {
                builder.AddList(paragraphs);
            }
        }

        foreach (var table in tables)
        {
            builder.AddTable(table);
        }

        var notes = slide.NotesSlidePart?.NotesSlide?.Descendants<Shape>()
            .Where(s => s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value == PlaceholderValues.Body)
            .SelectMany(Paragraphs)
            .ToList() ?? [];
        if (notes.Count > 0)
        {
            builder.AddParagraph("Notes: " + string.Join(' ', notes));
        }
    }

    private static bool IsTitle(Shape shape)
    {
        var type = shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value;
        return type == PlaceholderValues.Title || type == PlaceholderValues.CenteredTitle;
    }

    private static IEnumerable<string> Paragraphs(Shape shape) =>
        shape.TextBody?.Elements<Drawing.Paragraph>().Select(ParagraphText).Where(t => t.Length > 0) ?? [];

    private static string ParagraphText(Drawing.Paragraph paragraph) =>
        TextNormalizer.Inline(string.Concat(paragraph.Descendants<Drawing.Text>().Select(t => t.Text)));
}
