namespace ChatRag.Embeddings.Onnx.Models;

/// <summary>How token states become one sentence vector.</summary>
public enum EncoderPooling
{
    /// <summary>The <c>[CLS]</c> token's hidden state (arctic-embed, bge).</summary>
    Cls,

    /// <summary>Attention-mask weighted mean of all token states (all-MiniLM, e5).</summary>
    Mean,

    /// <summary>The graph already outputs one vector per sequence (rank-2 output).</summary>
    None,
}
