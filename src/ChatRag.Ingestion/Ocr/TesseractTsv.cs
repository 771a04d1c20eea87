using System.Globalization;

namespace ChatRag.Ingestion.Ocr;

/// <summary>
/// Parses Tesseract's TSV output (level, page, block, paragraph, line, word, box, confidence, text) into pages of
/// paragraphs of lines, in the order Tesseract wrote them: its reading order. Words under the floor are dropped.
/// </summary>
internal static class TesseractTsv
{
    private const int WordLevel = 5;

    public static IReadOnlyList<OcrPage> Parse(string tsv, double minConfidence)
    {
        var pages = new SortedDictionary<int, PageAccumulator>();
        foreach (var raw in tsv.Split('\n'))
        {
            var cells = raw.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var level) || level != WordLevel)
            {
                continue;
            }

            var text = cells[11].Trim();
            var confidence = double.Parse(cells[10], CultureInfo.InvariantCulture);
            if (text.Length == 0 || confidence < 0)
            {
                continue;
            }

            var page = Int(cells[1]);
            if (!pages.TryGetValue(page, out var acc))
            {
                pages[page] = acc = new PageAccumulator();
            }

            if (confidence < minConfidence)
            {
                acc.Dropped++;
                continue;
            }

            acc.Add((Int(cells[2]), Int(cells[3])), Int(cells[4]), new OcrWord(text, Int(cells[6]), Int(cells[7]), Int(cells[8]), Int(cells[9]), confidence));
        }

        return pages.Select(p => new OcrPage(p.Key, p.Value.Paragraphs(), p.Value.Dropped)).ToList();
    }

    private static int Int(string cell) => int.Parse(cell, CultureInfo.InvariantCulture);

    private sealed class PageAccumulator
    {
        private readonly List<((int Block, int Paragraph) Key, List<(int Line, List<OcrWord> Words)> Lines)> paragraphs = [];

        public int Dropped { get; set; }

        public void Add((int Block, int Paragraph) key, int line, OcrWord word)
        {
            if (paragraphs.Count == 0 || paragraphs[^1].Key != key)
            {
                paragraphs.Add((key, []));
            }

            var lines = paragraphs[^1].Lines;
            if (lines.Count == 0 || lines[^1].Line != line)
            {
                lines.Add((line, []));
            }

            lines[^1].Words.Add(word);
        }

        public IReadOnlyList<OcrParagraph> Paragraphs() =>
            paragraphs.Select(p => new OcrParagraph(p.Lines.Select(l => (IReadOnlyList<OcrWord>)l.Words).ToList())).ToList();
    }
}
