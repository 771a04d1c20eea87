namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>Which export convention a synthetic decoder follows.</summary>
public enum DecoderFormat
{
    /// <summary>onnxruntime-genai builder: GroupQueryAttention, shared past/present buffer, genai_config.json.</summary>
    Genai,

    /// <summary>Hugging Face optimum: standard ops, position_ids, present = Concat(past, new).</summary>
    Optimum,
}
