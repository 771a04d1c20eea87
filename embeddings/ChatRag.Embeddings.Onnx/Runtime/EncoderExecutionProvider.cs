namespace ChatRag.Embeddings.Onnx.Runtime;

/// <summary>Where the encoder graph runs.</summary>
public enum EncoderExecutionProvider
{
    /// <summary>CUDA when it loads, otherwise the CPU with one logged warning.</summary>
    Auto,

    /// <summary>The CPU only.</summary>
    Cpu,

    /// <summary>CUDA only; failing to load it is an error.</summary>
    Cuda,
}
