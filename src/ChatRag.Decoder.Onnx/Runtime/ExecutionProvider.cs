namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>Where the decoder runs.</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when it loads, else CPU.</summary>
    Auto,

    /// <summary>ONNX Runtime's CPU provider.</summary>
    Cpu,

    /// <summary>ONNX Runtime's CUDA provider (device 0); loading fails if CUDA is unavailable.</summary>
    Cuda,
}
