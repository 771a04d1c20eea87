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
    private readonly SentencePieceTokenizer tokenizer;
    private readonly PairTemplate template;
    private readonly Func<int, int> mapId;
    private readonly IReadOnlyList<AddedToken> added;
    private readonly int? metaId;
    private readonly int unkId;
    private readonly Lazy<string> joined, spaced;

    private SentencePieceEncoderTokenizer(
        SentencePieceTokenizer tokenizer, PairTemplate template, int padId, int unkId, int? metaId, IReadOnlyList<AddedToken> added, Func<int, int>? mapId = null)
    {
        this.tokenizer = tokenizer;
        this.template = template;
        PadId = padId;
        this.unkId = unkId;
        this.metaId = metaId;
        this.added = added;
        this.mapId = mapId ?? (id => id);
        joined = new Lazy<string>(() => Probe("xy"));
        spaced = new Lazy<string>(() => Probe("x y"));
    }

    /// <inheritdoc />
    public int PadId { get; }

    /// <inheritdoc />
    public int[] Encode(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var specials = template.SpecialCount(pair: false);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, specials);
        var pieces = Pieces(text);
        if (pieces.Count > maxTokens - specials)
        {
            pieces.RemoveRange(maxTokens - specials, pieces.Count - (maxTokens - specials));
        }

        return template.Apply(pieces);
    }

    /// <inheritdoc />
    public EncodedPair EncodePair(string first, string second, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var specials = template.SpecialCount(pair: true);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, specials);
        var (a, b) = PairTemplate.TruncateLongestFirst(Pieces(first), Pieces(second), maxTokens - specials);
        return template.Apply(a, b);
    }

    /// <inheritdoc />
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return tokenizer.CountTokens(text, addBeginningOfSentence: false, addEndOfSentence: false);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. tokenizer.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false).Select(t => t.Value)];
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
