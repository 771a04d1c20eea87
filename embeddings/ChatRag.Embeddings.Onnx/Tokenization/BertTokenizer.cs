using System.Buffers;
using System.Text;

namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>
/// BERT tokenisation: BasicTokenizer (clean text, split CJK ideographs, lower-case and strip accents when uncased,
/// split punctuation) then greedy longest-match-first WordPiece. Works rune by rune on spans with pooled buffers,
/// so tokenising allocates nothing per token.
/// </summary>
public sealed partial class BertTokenizer : IEncoderTokenizer
{
    private const int CapitalIWithDotAbove = 0x130, CombiningDotAbove = 0x307;

    /// <summary>Creates a tokenizer over a vocabulary.</summary>
    /// <param name="vocabulary">The WordPiece vocabulary.</param>
    /// <param name="lowercase">Lower-case the text (uncased models).</param>
    /// <param name="stripAccents">Apply NFD and drop nonspacing marks; BERT ties this to <paramref name="lowercase"/> by default.</param>
    public BertTokenizer(WordPieceVocabulary vocabulary, bool lowercase = true, bool? stripAccents = null)
    {
        Vocabulary = vocabulary;
        Lowercase = lowercase;
        StripAccents = stripAccents ?? lowercase;
    }

    /// <summary>The vocabulary.</summary>
    public WordPieceVocabulary Vocabulary { get; }

    /// <inheritdoc />
    public int PadId => Vocabulary.PadId;

    /// <summary>Whether text is lower-cased.</summary>
    public bool Lowercase { get; }

    /// <summary>Whether accents are stripped.</summary>
    public bool StripAccents { get; }

    /// <summary>Ids of <c>[CLS]</c>, the word pieces and <c>[SEP]</c>, truncated so the whole fits <paramref name="maxTokens"/>.</summary>
    public int[] Encode(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        var ids = new List<int>(Math.Min(maxTokens, (text.Length / 4) + 8)) { Vocabulary.ClsId };
        var sink = new ListSink(ids, maxTokens - 1);
        Run(text, ref sink);
        ids.Add(Vocabulary.SepId);
        return [.. ids];
    }

    /// <summary>Number of word pieces, without special tokens and without truncation.</summary>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new CountingSink();
        Run(text, ref sink);
        return sink.Count;
    }

    /// <summary>The word pieces as text (no special tokens), for inspection and tests.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        var sink = new ListSink(ids, int.MaxValue);
        Run(text, ref sink);
        return ids.ConvertAll(id => Vocabulary[id]);
    }

    private void Run<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPieceSink
    {
        var state = new WordState(ArrayPool<char>.Shared.Rent(256), ArrayPool<int>.Shared.Rent(256));
        try
        {
            Span<Rune> lowered = stackalloc Rune[2];
            Span<Rune> stripped = stackalloc Rune[AccentStripping.MaxExpansion * 2];
            var i = 0;
            while (i < text.Length)
            {
                Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
                i += consumed;
                var cp = rune.Value;

                // Clean text: NUL, U+FFFD (also what a lone surrogate decodes to) and control characters vanish.
                if (cp == 0 || cp == 0xFFFD || BertCharacters.IsControl(rune))
                {
                    continue;
                }

                if (BertCharacters.IsWhitespace(rune))
                {
                    if (!Flush(ref state, ref sink))
                    {
                        return;
                    }

                    continue;
                }

                // A CJK ideograph is a word on its own, though it is still normalised (compatibility ideographs decompose).
                var isolated = BertCharacters.IsCjkIdeograph(cp);
                if (isolated && !Flush(ref state, ref sink))
                {
                    return;
                }

                var count = Lower(rune, lowered);
                if (StripAccents)
                {
                    var total = 0;
                    for (var k = 0; k < count; k++)
                    {
                        total += AccentStripping.Strip(lowered[k], stripped[total..]);
                    }

                    count = total;
                }
                else
                {
                    lowered[..count].CopyTo(stripped);
                }

                for (var k = 0; k < count; k++)
                {
                    if (!BertCharacters.IsPunctuation(stripped[k]))
                    {
                        state.Append(stripped[k]);
                        continue;
                    }

                    // Each punctuation character is a word of its own.
                    if (!Flush(ref state, ref sink))
                    {
                        return;
                    }

                    state.Append(stripped[k]);
                    if (!Flush(ref state, ref sink))
                    {
                        return;
                    }
                }

                if (isolated && !Flush(ref state, ref sink))
                {
                    return;
                }
            }

            Flush(ref state, ref sink);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(state.Word);
            ArrayPool<int>.Shared.Return(state.Pieces);
        }
    }

    /// <summary>
    /// Per-character lower-casing, as Hugging Face's Rust normaliser does (sentence-transformers runs that one, so no
    /// Final_Sigma context rule); İ is the one unconditional multi-character mapping simple case folding lacks.
    /// </summary>
    private int Lower(Rune rune, Span<Rune> destination)
    {
        if (!Lowercase)
        {
            destination[0] = rune;
            return 1;
        }

        if (rune.Value == CapitalIWithDotAbove)
        {
            destination[0] = new Rune('i');
            destination[1] = new Rune(CombiningDotAbove);
            return 2;
        }

        destination[0] = Rune.ToLowerInvariant(rune);
        return 1;
    }
}
