namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>The attention variant of a synthetic decoder, and the model type its config.json declares.</summary>
public enum DecoderArchitecture
{
    /// <summary>Qwen2 / Qwen2.5: biases on the q, k and v projections (<c>model_type</c> qwen2).</summary>
    Qwen2,

    /// <summary>Qwen3: no projection biases, per-head RMSNorm of queries and keys before RoPE (<c>model_type</c> qwen3).</summary>
    Qwen3,

    /// <summary>Llama: no projection biases (<c>model_type</c> llama).</summary>
    Llama,
}
