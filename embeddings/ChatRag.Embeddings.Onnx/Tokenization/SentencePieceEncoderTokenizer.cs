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
}
