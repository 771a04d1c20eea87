namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>Which tokenizer (and so which model family's files) a synthetic model folder gets.</summary>
public enum SyntheticTokenizerKind
{
    /// <summary>Qwen2.5-style byte-level BPE with ChatML tokens (<see cref="SyntheticTokenizer"/>).</summary>
    ByteLevel,

    /// <summary>Phi-3.5-style SentencePiece BPE with byte fallback (<see cref="SyntheticSentencePieceTokenizer"/>).</summary>
    SentencePiece,
}
