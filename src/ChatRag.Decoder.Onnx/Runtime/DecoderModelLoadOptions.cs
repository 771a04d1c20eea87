namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>How to load a decoder.</summary>
public sealed record DecoderModelLoadOptions
{
    /// <summary>Execution provider.</summary>
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Auto;

    /// <summary>CUDA device ordinal.</summary>
    public int DeviceId { get; init; }

    /// <summary>Cap on prompt + generated tokens; sizes the shared KV buffers (0 = the model's context length).</summary>
    public int MaxLength { get; init; } = 4096;

    /// <summary>
    /// Keep prefill logits on the device and copy only the last position to the host through a small slicing graph
    /// (null: on for CUDA, off for CPU where the logits are already in host memory).
    /// </summary>
    public bool? SliceLogitsOnDevice { get; init; }
}
