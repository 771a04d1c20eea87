using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Embeddings.Onnx.Runtime;

/// <summary>How a generator runs its graph: provider, batching and threading.</summary>
public sealed record EncoderRuntimeOptions
{
    /// <summary>Execution provider.</summary>
    public EncoderExecutionProvider Provider { get; init; } = EncoderExecutionProvider.Auto;

    /// <summary>Sequences per graph run; inputs are sorted by length first so a batch pads only to its own longest.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Batches run at once on the one session (its Run is thread-safe).</summary>
    public int MaxParallelism { get; init; } = 1;

    /// <summary>ONNX Runtime intra-op threads per run; 0 lets ONNX Runtime use one per core.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>CUDA device ordinal.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>
    /// Last word on the session options (for example CUDA provider settings or fp16 graph tuning); runs after ours.
    /// </summary>
    public Action<SessionOptions, EncoderExecutionProvider>? ConfigureSession { get; init; }
}
