using System.Globalization;
using UglyToad.PdfPig.Content;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// Decides whether a PDF page's text layer is worth reading or the page should be OCR'd instead: a scan has no
/// text layer (or a stray page number), and a bad scan's invisible text layer is mostly non-words.
/// </summary>
internal static class PdfTextLayer
{
    /// <summary>Fewer letters and digits than this and the page is taken as an image of text.</summary>
    public const int MinCharacters = 12;

    /// <summary>Below this share of plausible words (with at least <see cref="MinWordsForGarbageCheck"/> words) the layer is garbage.</summary>
    public const double MinPlausibleShare = 0.5;

    public const int MinWordsForGarbageCheck = 8;

    public static bool IsUsable(IReadOnlyList<Word> words) => IsUsable(words.Select(w => w.Text).ToList());

    public static bool IsUsable(IReadOnlyList<string> words)
    {
        var characters = words.Sum(w => w.Count(char.IsLetterOrDigit));
        if (characters < MinCharacters)
        {
            return false;
        }

        if (words.Count < MinWordsForGarbageCheck)
        {
            return true;
        }

        return words.Count(IsPlausible) >= words.Count * MinPlausibleShare;
    }

    /// <summary>
    /// A word of letters and digits (codes like "w12" or "A4" count), inner apostrophes, hyphens and separators
    /// allowed, once edge punctuation is removed; a bad scan's text layer is mostly symbol soup and unmapped glyphs.
    /// </summary>
    private static bool IsPlausible(string word)
    {
        var core = word.Trim().Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '«', '»', '“', '”', '’', '…', '-', '–', '—');
        if (core.Length == 0 || !core.Any(char.IsLetterOrDigit))
        {
            return false;
        }

        var odd = core.Count(c => !char.IsLetterOrDigit(c) && c is not '\'' and not '’' and not '-' and not '.' and not ',' and not '/' and not '%' and not '&');
        return odd == 0 && !core.Any(c => c == '\uFFFD' || char.GetUnicodeCategory(c) is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
    }
}
