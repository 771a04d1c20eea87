using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace ChatRag.Ingestion.Readers;

/// <summary>Upper bound on the letters a page's own content stream shows: one per string byte in its text operators.</summary>
internal sealed record PdfGlyphEstimate(long Glyphs);

/// <summary>
/// A PdfPig page factory that only parses a page's operators and counts the bytes its text-showing operators carry.
/// PdfPig builds every letter of a page (a few hundred bytes each) before any of them can be looked at, so a
/// small stream showing millions of glyphs must be refused from this count, before the real page is built.
/// </summary>
internal sealed class PdfGlyphCounter(
    IPdfTokenScanner scanner, IResourceStore resources, ILookupFilterProvider filters, IPageContentParser parser, ParsingOptions options)
    : BasePageFactory<PdfGlyphEstimate>(scanner, resources, filters, parser, options)
{
    protected override PdfGlyphEstimate ProcessPage(
        int pageNumber,
        DictionaryToken dictionary,
        NamedDestinations namedDestinations,
        MediaBox mediaBox,
        CropBox cropBox,
        UserSpaceUnit userSpaceUnit,
        PageRotationDegrees rotation,
        TransformationMatrix initialMatrix,
        IReadOnlyList<IGraphicsStateOperation> operations)
    {
        long glyphs = 0;
        foreach (var operation in operations)
        {
            glyphs += operation switch
            {
                ShowText show => Math.Max(show.Bytes.Length, show.Text?.Length ?? 0),
                MoveToNextLineShowText show => Math.Max(show.Bytes.Length, show.Text?.Length ?? 0),
                MoveToNextLineShowTextWithSpacing show => Math.Max(show.Bytes.Length, show.Text?.Length ?? 0),
                ShowTextsWithPositioning show => show.Array.Sum(t => t switch
                {
                    StringToken s => (long)s.Data.Length,
                    HexToken h => h.Memory.Length,
                    _ => 0,
                }),
                _ => 0,
            };
        }

        return new PdfGlyphEstimate(glyphs);
    }
}
