using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Embeddings.Onnx.Runtime;

/// <summary>
/// One ONNX Runtime session over an encoder graph, with the input and output names it actually declares
/// (some exports have no token_type_ids; some already output a pooled vector).
/// </summary>
internal sealed class EncoderSession : IDisposable
{
    private EncoderSession(InferenceSession session, string providerName, string? outputName)
    {
        Session = session;
        ProviderName = providerName;
        var inputs = session.InputMetadata;
        foreach (var (name, meta) in inputs)
        {
            if (meta.ElementType != typeof(long))
            {
                throw new NotSupportedException($"Encoder input '{name}' is {meta.ElementType.Name}; only int64 inputs are supported.");
            }
        }

        if (!inputs.ContainsKey("input_ids") || !inputs.ContainsKey("attention_mask"))
        {
            throw new NotSupportedException($"The encoder graph must take input_ids and attention_mask; it takes {string.Join(", ", inputs.Keys)}.");
        }

        HasTokenTypes = inputs.ContainsKey("token_type_ids");
        OutputName = outputName
            ?? (session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : session.OutputMetadata.Keys.First());
        if (!session.OutputMetadata.TryGetValue(OutputName, out var output))
        {
            throw new NotSupportedException($"The encoder graph has no output '{OutputName}'; it has {string.Join(", ", session.OutputMetadata.Keys)}.");
        }

        OutputRank = output.Dimensions.Length;
        HiddenSize = output.Dimensions[^1];
        if (OutputRank is not (2 or 3) || HiddenSize <= 0)
        {
            throw new NotSupportedException($"Encoder output '{OutputName}' has shape [{string.Join(", ", output.Dimensions)}]; expected [batch, tokens, dims] or [batch, dims].");
        }
    }

    public InferenceSession Session { get; }

    /// <summary>ONNX Runtime's name of the provider in use (CUDAExecutionProvider or CPUExecutionProvider).</summary>
    public string ProviderName { get; }

    public bool HasTokenTypes { get; }

    public string OutputName { get; }

    /// <summary>3 for token states, 2 for an already pooled vector.</summary>
    public int OutputRank { get; }

    public int HiddenSize { get; }

    /// <summary>
    /// Opens the graph on the requested provider. Auto tries CUDA and falls back to the CPU, logging through
    /// <paramref name="onFallback"/> so the owner can warn once rather than once per model.
    /// </summary>
    public static EncoderSession Open(string modelPath, EncoderRuntimeOptions options, string? outputName, ILogger logger, Action<Exception> onFallback)
    {
        // Auto asks for CUDA only where its libraries load, so CPU-only hosts fall back (with our one warning)
        // without ONNX Runtime also printing its own provider-load error.
        if (options.Provider == EncoderExecutionProvider.Auto && !ChatRag.Core.Hardware.CudaLibraries.ArePresent)
        {
            onFallback(new DllNotFoundException("the CUDA 13 libraries (cuBLASLt, CUDA runtime) are not installed"));
        }
        else if (options.Provider != EncoderExecutionProvider.Cpu)
        {
            try
            {
                return Create(modelPath, options, useCuda: true, outputName);
            }
            catch (Exception ex) when (options.Provider == EncoderExecutionProvider.Auto && ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
            {
                onFallback(ex);
            }
            catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
            {
                throw new InvalidOperationException($"The CUDA execution provider could not be loaded for '{modelPath}': {ex.Message}", ex);
            }
        }

        logger.LogDebug("Encoder {Model} runs on the CPU", modelPath);
        return Create(modelPath, options, useCuda: false, outputName);
    }

    private static EncoderSession Create(string modelPath, EncoderRuntimeOptions options, bool useCuda, string? outputName)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.IntraOpThreads,
        };
        try
        {
            if (useCuda)
            {
                // GPU tuning goes here: fp16 weights, cudnn_conv_algo_search, IOBinding of device buffers
                // (see the CUDA benchmark against PyTorch in docs/benchmarks.md).
                sessionOptions.AppendExecutionProvider_CUDA(options.CudaDeviceId);
            }

            options.ConfigureSession?.Invoke(sessionOptions, useCuda ? EncoderExecutionProvider.Cuda : EncoderExecutionProvider.Cpu);
            var session = new InferenceSession(modelPath, sessionOptions);
            try
            {
                return new EncoderSession(session, useCuda ? "CUDAExecutionProvider" : "CPUExecutionProvider", outputName);
            }
            catch
            {
                session.Dispose();
                throw;
            }
        }
        finally
        {
            sessionOptions.Dispose();
        }
    }

    public void Dispose() => Session.Dispose();
}
