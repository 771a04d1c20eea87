using Microsoft.ML.Tokenizers;

namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>
/// SentencePiece Unigram tokenisation of XLM-R-based encoders (multilingual-e5, paraphrase-multilingual-MiniLM, bge-m3,
/// bge-reranker-v2-m3). The pieces come from Microsoft.ML.Tokenizers' SentencePiece Unigram model (Viterbi over the
/// piece scores, the precompiled normalisation map, Metaspace); we add only the model's special-token template and
/// truncation. Token-for-token parity with Hugging Face's own tokenizer is checked in the tests.
/// </summary>
public sealed partial class SentencePieceEncoderTokenizer : IEncoderTokenizer
{
    private readonly SentencePieceTokenizer _tokenizer;
    private readonly PairTemplate _template;
    private readonly Func<int, int> _mapId;
    private readonly IReadOnlyList<AddedToken> _added;
    private readonly int? _metaId;
    private readonly int _unkId;
    private readonly Lazy<string> _joined, _spaced;

    private SentencePieceEncoderTokenizer(
        SentencePieceTokenizer tokenizer, PairTemplate template, int padId, int unkId, int? metaId, IReadOnlyList<AddedToken> added, Func<int, int>? mapId = null)
    {
        _tokenizer = tokenizer;
        _template = template;
        PadId = padId;
        _unkId = unkId;
        _metaId = metaId;
        _added = added;
        _mapId = mapId ?? (id => id);
        _joined = new Lazy<string>(() => Probe("xy"));
        _spaced = new Lazy<string>(() => Probe("x y"));
    }

    /// <inheritdoc />
    public int PadId { get; }

    /// <inheritdoc />
    public int[] Encode(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var specials = _template.SpecialCount(pair: false);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, specials);
        var pieces = Pieces(text);
        if (pieces.Count > maxTokens - specials)
        {
            pieces.RemoveRange(maxTokens - specials, pieces.Count - (maxTokens - specials));
        }

        return _template.Apply(pieces);
    }

    /// <inheritdoc />
    public EncodedPair EncodePair(string first, string second, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var specials = _template.SpecialCount(pair: true);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, specials);
        var (a, b) = PairTemplate.TruncateLongestFirst(Pieces(first), Pieces(second), maxTokens - specials);
        return _template.Apply(a, b);
    }

    /// <inheritdoc />
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.CountTokens(text, addBeginningOfSentence: false, addEndOfSentence: false);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. _tokenizer.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false).Select(t => t.Value)];
    }

    private List<int> Pieces(string text)
    {
        var ids = new List<int>(text.Length / 3 + 4);
        foreach (var (segment, special) in Split(text))
        {
            if (segment.Length > 0)
            {
                AppendSegment(segment, ids);
            }

            if (special is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>
    /// One stretch of text between added tokens, as Hugging Face encodes it: ML.Tokenizers' pieces, with two fixes
    /// where SentencePiece's own conventions (which it follows) differ from the fast tokenizer the models were used with:
    /// a run of unknown characters is one unknown token (Hugging Face's Unigram always fuses them, as spm's encoder
    /// does), and trailing whitespace becomes a final "▁" piece (the fast tokenizer does not strip it).
    /// </summary>
    private void AppendSegment(string segment, List<int> ids)
    {
        var previousUnknown = false;
        foreach (var raw in _tokenizer.EncodeToIds(segment, addBeginningOfSentence: false, addEndOfSentence: false))
        {
            var id = _mapId(raw);
            var unknown = id == _unkId;
            if (!(unknown && previousUnknown))
            {
                ids.Add(id);
            }

            previousUnknown = unknown;
        }

        if (_metaId is { } meta && EndsInSpace(segment))
        {
            ids.Add(meta);
        }
    }

    /// <summary>
    /// Whether the normalised segment ends with a space (which Metaspace turns into a last "▁"). Each last character
    /// is probed between two letters through the tokenizer itself, so the precompiled map decides what is a space.
    /// </summary>
    private bool EndsInSpace(string segment)
    {
        for (var i = segment.Length; i > 0;)
        {
            var start = i - 1;
            if (char.IsLowSurrogate(segment[start]) && start > 0 && char.IsHighSurrogate(segment[start - 1]))
            {
                start--;
            }

            var probe = Probe("x" + segment[start..i] + "y");
            i = start;
            if (probe == _joined.Value)
            {
                continue; // removed by normalisation (a zero-width or control character): look further left
            }

            return probe == _spaced.Value;
        }

        return false;
    }

    private string Probe(string text) =>
        string.Join(',', _tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false));

    /// <summary>Splits at added tokens, honouring their lstrip/rstrip (which swallow the spaces beside them).</summary>
    private IEnumerable<(string Segment, int? Special)> Split(string text)
    {
        var start = 0;
        var position = 0;
        while (position < text.Length)
        {
            var match = _added.FirstOrDefault(a => string.CompareOrdinal(text, position, a.Content, 0, a.Content.Length) == 0);
            if (match is null)
            {
                position++;
                continue;
            }

            var end = position;
            if (match.LeftStrip)
            {
                while (end > start && char.IsWhiteSpace(text[end - 1]))
                {
                    end--;
                }
            }

            yield return (text[start..end], match.Id);
            position += match.Content.Length;
            if (match.RightStrip)
            {
                while (position < text.Length && char.IsWhiteSpace(text[position]))
                {
                    position++;
                }
            }

            start = position;
        }

        yield return (text[start..], null);
    }

    /// <summary>A special token of tokenizer.json's added_tokens, matched in raw text.</summary>
    private sealed record AddedToken(string Content, int Id, bool LeftStrip, bool RightStrip);
}
