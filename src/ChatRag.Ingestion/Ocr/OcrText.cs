using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Readers;

namespace ChatRag.Ingestion.Ocr;

/// <summary>Turns recognised pages into document blocks: one paragraph block per Tesseract paragraph, with word boxes.</summary>
internal static class OcrText
{
    /// <summary>Throws a person-readable <see cref="OcrUnavailableException"/> unless OCR can run.</summary>
    public static async Task RequireAsync(IOcrEngine? engine, string what, CancellationToken cancellationToken)
    {
        if (engine is null)
        {
            throw new OcrUnavailableException($"{what} needs OCR, which is not configured here. Install {OcrOptions.Packages} and enable ChatRag:Ocr.");
        }

        var availability = await engine.GetAvailabilityAsync(cancellationToken);
        if (!availability.Available)
        {
            throw new OcrUnavailableException($"{what} needs OCR, and OCR is disabled: {availability.Reason}");
        }
    }

    /// <summary>
    /// Adds the page's paragraphs to <paramref name="builder"/>. Word boxes are converted by <paramref name="scale"/>
    /// (points per pixel) into bottom-left-origin coordinates of a page <paramref name="pageHeight"/> points high.
    /// </summary>
    public static void Append(OcrPage page, int pageNumber, DocumentTextBuilder builder, double scale, double pageHeight)
    {
        builder.Page = pageNumber;
        foreach (var paragraph in page.Paragraphs)
        {
            var text = new StringBuilder();
            var regions = new List<PageRegion>();
            var words = paragraph.Lines.SelectMany(l => l).ToList();
            foreach (var word in words)
            {
                var clean = TextNormalizer.Inline(word.Text);
                if (clean.Length == 0)
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                regions.Add(new PageRegion(
                    pageNumber,
                    word.Left * scale,
                    pageHeight - ((word.Top + word.Height) * scale),
                    (word.Left + word.Width) * scale,
                    pageHeight - (word.Top * scale),
                    text.Length,
                    text.Length + clean.Length));
                text.Append(clean);
            }

            if (text.Length > 0)
            {
                builder.AddLaidOut(BlockKind.Paragraph, text.ToString(), regions, ocrConfidence: Math.Round(words.Average(w => w.Confidence), 1));
            }
        }
    }

    /// <summary>The warning recorded when low-confidence words were dropped.</summary>
    public static string DroppedWarning(int dropped, double floor) =>
        $"OCR dropped {dropped:N0} words it was less than {floor:N0} % sure of.";
}
