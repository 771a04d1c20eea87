using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ChatRag.TextAnalysis.Analysis;

/// <summary>
/// Removes combining marks from terms before stemming, so decomposed accents ("e" + U+0301) neither split a word nor
/// derail a stemmer. Precomposed letters are untouched here (the stemmers need them) and folded after stemming. Unicode
/// normalisation would be the general fix, but under invariant globalization it leaves non-ASCII text as it is.
/// </summary>
internal sealed class MarkStrippingFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public MarkStrippingFilter(TokenStream input)
        : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = term.Buffer;
        var kept = 0;
        for (var i = 0; i < term.Length; i++)
        {
            if (!char.IsSurrogate(buffer[i]) && WordTokenizer.IsMark(buffer[i]))
            {
                continue;
            }

            buffer[kept++] = buffer[i];
        }

        term.Length = kept;
        return true;
    }
}
