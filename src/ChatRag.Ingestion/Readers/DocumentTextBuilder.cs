using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// Accumulates blocks into one text, recording offsets and the heading path as it goes. Readers only say
/// "here is a heading / paragraph / table"; offsets, separators and limits are handled here once. The text
/// budget is enforced while a block is produced (a table stops growing at the limit), and every block checks
/// for cancellation, so the extraction time budget reaches readers that loop in library code between blocks.
/// </summary>
internal sealed class DocumentTextBuilder(
    DocumentKind kind, int maxCharacters, int maxTableColumns = int.MaxValue, int maxCellCharacters = int.MaxValue, CancellationToken cancellationToken = default)
{
    private const string Separator = "\n\n";
    private readonly StringBuilder text = new();
    private readonly List<DocumentBlock> blocks = [];
    private readonly string?[] headings = new string?[7];

    public List<string> Warnings { get; } = [];

    /// <summary>A builder with the context's text, table and cell limits.</summary>
    public static DocumentTextBuilder For(DocumentKind kind, ReaderContext context, CancellationToken cancellationToken) =>
        new(kind, context.Limits.MaxExtractedCharacters, context.Limits.MaxTableColumns, context.Limits.MaxCellCharacters, cancellationToken);

    /// <summary>Page, slide or sheet the next blocks belong to.</summary>
    public int? Page { get; set; }

    /// <summary>Offset the next block's text will start at.</summary>
    public int NextOffset => text.Length == 0 ? 0 : text.Length + Separator.Length;

    public int BlockCount => blocks.Count;

    /// <summary>Characters the text budget still allows, for readers that gather a long block before adding it.</summary>
    public int Remaining => Math.Max(0, maxCharacters - NextOffset);

    /// <summary>Forgets headings, for formats where each slide or sheet starts afresh.</summary>
    public void ResetHeadings() => Array.Clear(headings);

    public void AddHeading(string text, int level)
    {
        var clean = TextNormalizer.Inline(text);
        if (clean.Length > 0)
        {
            Append(BlockKind.Heading, clean, EnterHeading(clean, level), []);
        }
    }

    public void AddParagraph(string text) => Append(BlockKind.Paragraph, TextNormalizer.Inline(text), 0, []);

    public void AddCode(string text) => Append(BlockKind.Code, TextNormalizer.Lines(text, keepBlankLines: true), 0, []);

    public void AddList(IEnumerable<string> items)
    {
        var lines = items.Select(TextNormalizer.Inline).Where(i => i.Length > 0).Select(i => "- " + i);
        Append(BlockKind.List, string.Join('\n', lines), 0, []);
    }

    public void AddTable(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        if (width == 0)
        {
            return;
        }

        if (width > maxTableColumns)
        {
            throw new DocumentLimitExceededException(
                $"A table has {width:N0} columns; the limit is {maxTableColumns:N0}. Split the table or upload it as separate files.");
        }

        // Checked row by row so that a table far over the budget fails before its text is built, not after.
        var room = maxCharacters - NextOffset;
        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (r > 0)
            {
                text.Append('\n');
            }

            AppendRow(text, rows[r], width);
            if (r == 0)
            {
                text.Append('\n').Append('|').Insert(text.Length, " --- |", width);
            }

            if (text.Length > room)
            {
                throw TooMuchText();
            }
        }

        Append(BlockKind.Table, text.ToString(), 0, []);
    }

    /// <summary>Adds text that the reader has laid out itself, with word regions relative to the text's start.</summary>
    public void AddLaidOut(BlockKind blockKind, string text, IReadOnlyList<PageRegion> relativeRegions, int headingLevel = 0, double? ocrConfidence = null)
    {
        var start = NextOffset;
        var regions = relativeRegions.Select(r => r with { StartOffset = r.StartOffset + start, EndOffset = r.EndOffset + start }).ToList();
        var level = blockKind == BlockKind.Heading ? EnterHeading(text, headingLevel) : 0;
        Append(blockKind, text, level, regions);
        if (ocrConfidence is not null && blocks.Count > 0 && blocks[^1].StartOffset == start)
        {
            blocks[^1] = blocks[^1] with { OcrConfidence = ocrConfidence };
        }
    }

    public ExtractedDocument Build(int? pageCount, IEnumerable<string>? extraWarnings = null)
    {
        if (blocks.Count == 0)
        {
            throw new EmptyDocumentException(kind == DocumentKind.Pdf
                ? "The PDF has no text layer (it may be a scan). Run OCR on it, or upload a PDF with selectable text."
                : "The document contains no text to index.");
        }

        var warnings = (extraWarnings ?? []).Concat(Warnings).Distinct(StringComparer.Ordinal).ToList();
        return new ExtractedDocument(kind, text.ToString(), blocks, pageCount, warnings);
    }

    /// <summary>Makes <paramref name="text"/> the current heading at its level, forgetting deeper ones.</summary>
    private int EnterHeading(string text, int level)
    {
        level = Math.Clamp(level, 1, 6);
        headings[level] = text;
        Array.Clear(headings, level + 1, headings.Length - level - 1);
        return level;
    }

    private void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int width)
    {
        text.Append('|');
        for (var c = 0; c < width; c++)
        {
            var cell = c < cells.Count ? TextNormalizer.Inline(Cut(cells[c])).Replace("|", "\\|", StringComparison.Ordinal) : string.Empty;
            text.Append(' ').Append(cell).Append(" |");
        }
    }

    /// <summary>A cell cut to the cell limit, with one warning per document.</summary>
    private string Cut(string cell)
    {
        if (cell.Length <= maxCellCharacters)
        {
            return cell;
        }

        const string warning = "Some table cells were longer than the configured cell limit and were cut.";
        if (!Warnings.Contains(warning))
        {
            Warnings.Add(warning);
        }

        return cell[..maxCellCharacters];
    }

    /// <summary>The error for text over the budget, for readers that find out before adding a block.</summary>
    public DocumentLimitExceededException TooMuchText() => new(
        $"The document has more than {maxCharacters:N0} characters of text, the configured limit. Split it into smaller files and upload them separately.");

    private void Append(BlockKind blockKind, string text, int headingLevel, IReadOnlyList<PageRegion> regions)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if ((long)this.text.Length + Separator.Length + text.Length > maxCharacters)
        {
            throw TooMuchText();
        }

        if (this.text.Length > 0)
        {
            this.text.Append(Separator);
        }

        var start = this.text.Length;
        this.text.Append(text);
        var path = headings.Where(h => h is not null).Cast<string>().ToArray();
        blocks.Add(new DocumentBlock(blockKind, start, this.text.Length, Page, path, headingLevel, regions));
    }
}
