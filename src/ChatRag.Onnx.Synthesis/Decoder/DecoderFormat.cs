namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>Which export convention a synthetic decoder follows.</summary>
public enum DecoderFormat
{
    /// <summary>onnxruntime-genai builder: GroupQueryAttention, shared past/present buffer, genai_config.json.</summary>
    Genai,

    /// <summary>Hugging Face optimum: standard ops, position_ids, present = Concat(past, new).</summary>
    Optimum,

    /// <summary>
    /// Hugging Face optimum merged decoder (<c>decoder_model_merged.onnx</c>): the optimum graph plus a
    /// <c>use_cache_branch</c> input choosing, through If nodes, whether the past is concatenated (later steps) or
    /// ignored (the first step, which binds empty pasts).
    /// </summary>
    OptimumMerged,
}
