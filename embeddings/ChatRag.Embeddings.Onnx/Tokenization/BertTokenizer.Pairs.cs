namespace ChatRag.Embeddings.Onnx.Tokenization;

public sealed partial class BertTokenizer
{
    /// <inheritdoc />
    public EncodedPair EncodePair(string first, string second, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var template = PairTemplate.Bert(Vocabulary.ClsId, Vocabulary.SepId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, template.SpecialCount(pair: true));
        var (a, b) = PairTemplate.TruncateLongestFirst(Pieces(first), Pieces(second), maxTokens - template.SpecialCount(pair: true));
        return template.Apply(a, b);
    }

    private List<int> Pieces(string text)
    {
        var ids = new List<int>();
        var sink = new ListSink(ids, int.MaxValue);
        Run(text, ref sink);
        return ids;
    }
}
