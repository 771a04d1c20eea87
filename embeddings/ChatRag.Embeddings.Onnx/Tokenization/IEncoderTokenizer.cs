namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>
/// What the encoder runtime needs of a tokenizer: ids wrapped in the model's special tokens and truncated to its
/// length, a pair for cross-encoders, and counts for chunk budgets. Implemented by <see cref="BertTokenizer"/>
/// (WordPiece) and <see cref="SentencePieceEncoderTokenizer"/> (XLM-R SentencePiece Unigram).
/// </summary>
public interface IEncoderTokenizer
{
    /// <summary>Id used to pad a batch (masked out).</summary>
    int PadId { get; }

    /// <summary>Ids of one text with the model's special tokens, truncated so the whole fits <paramref name="maxTokens"/>.</summary>
    int[] Encode(string text, int maxTokens);

    /// <summary>
    /// Ids and token types of a (query, passage) pair as a cross-encoder reads it (<c>[CLS] A [SEP] B [SEP]</c> or
    /// <c>&lt;s&gt; A &lt;/s&gt;&lt;/s&gt; B &lt;/s&gt;</c>), truncating the longer side first as Hugging Face's
    /// <c>longest_first</c> does.
    /// </summary>
    EncodedPair EncodePair(string first, string second, int maxTokens);

    /// <summary>Number of pieces, without special tokens and without truncation.</summary>
    int CountTokens(string text);

    /// <summary>The pieces as text (no special tokens), for inspection and tests.</summary>
    IReadOnlyList<string> Tokenize(string text);
}
