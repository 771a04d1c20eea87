using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ChatRag.TextAnalysis.Analysis;

/// <summary>
/// Splits text into runs of letters, digits, combining marks and private-use characters, as SQLite's <c>unicode61</c>
/// does, but keeps apostrophes inside a run so that the elision filter sees <c>l'homme</c> whole; whatever apostrophes
/// survive analysis are split on afterwards (<see cref="TextAnalyzer"/>). A language without elisions splits at
/// apostrophes here, before its stemmer, as <c>unicode61</c> did: Porter would otherwise stem <c>jupiter's</c> to
/// <c>jupiter</c> but <c>jupiter</c> to <c>jupit</c>, and a possessive would miss its own noun.
/// </summary>
internal sealed class WordTokenizer(TextReader reader, bool keepApostrophes = true) : CharTokenizer(LuceneVersion.LUCENE_48, reader)
{
    /// <summary>Whether a code point belongs to a word (apostrophes excluded).</summary>
    public static bool IsWordChar(int c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    /// <summary>Whether a code point is a mark (dropped from terms: accents are folded).</summary>
    public static bool IsMark(int c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Appends the word parts of an analysed token to <paramref name="terms"/>: split at non-word characters, marks dropped.</summary>
    public static void SplitInto(ReadOnlySpan<char> token, int start, int end, List<AnalysedToken> terms)
    {
        var word = new StringBuilder();
        foreach (var rune in token.EnumerateRunes())
        {
            if (!IsWordChar(rune.Value))
            {
                Flush(word, start, end, terms);
            }
            else if (!IsMark(rune.Value))
            {
                word.Append(rune.ToString());
            }
        }

        Flush(word, start, end, terms);
    }

    protected override bool IsTokenChar(int c) => (keepApostrophes && c is '\'' or '\u2019') || IsWordChar(c);

    private static void Flush(StringBuilder word, int start, int end, List<AnalysedToken> terms)
    {
        if (word.Length > 0)
        {
            terms.Add(new AnalysedToken(word.ToString(), start, end));
            word.Clear();
        }
    }
}
