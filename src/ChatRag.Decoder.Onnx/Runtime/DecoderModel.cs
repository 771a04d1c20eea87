using System.Diagnostics;
using ChatRag.Decoder.Onnx.Tokenization;
using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>
/// A loaded decoder: one <see cref="InferenceSession"/> shared by every request (ONNX Runtime sessions are safe for
/// concurrent runs), its tokenizer and metadata. Each <see cref="Generate"/> call owns its own IOBinding and KV
/// buffers, so concurrent generations never share mutable state.
/// </summary>
public sealed partial class DecoderModel : IDisposable
{
    /// <summary>Activity source of the decoder runtime.</summary>
    public static readonly ActivitySource ActivitySource = new("ChatRag.Decoder.Onnx");

    private readonly InferenceSession session;
    private readonly OrtMemoryInfo kvMemory;
    private readonly OrtAllocator kvAllocator;
    private readonly LastPositionSlicer? slicer;

    private DecoderModel(InferenceSession session, DecoderModelInfo info, BpeTokenizer tokenizer, ExecutionProvider provider, OrtMemoryInfo kvMemory, int maxLength, LastPositionSlicer? slicer)
    {
        this.slicer = slicer;
        this.session = session;
        Info = info;
        Tokenizer = tokenizer;
        Provider = provider;
        this.kvMemory = kvMemory;
        kvAllocator = provider == ExecutionProvider.Cuda ? new OrtAllocator(session, kvMemory) : OrtAllocator.DefaultInstance;
        MaxLength = maxLength;
    }

    /// <summary>What was read from the model folder and session metadata.</summary>
    public DecoderModelInfo Info { get; }

    /// <summary>The model's tokenizer.</summary>
    public BpeTokenizer Tokenizer { get; }

    /// <summary>The provider actually in use (never <see cref="ExecutionProvider.Auto"/>).</summary>
    public ExecutionProvider Provider { get; }

    /// <summary>Cap on prompt + generated tokens.</summary>
    public int MaxLength { get; }

    /// <summary>Whether a folder looks loadable (tokenizer.json and a decoder .onnx file), without loading it: for health checks.</summary>
    public static bool IsModelDirectory(string directory)
    {
        if (!System.IO.Directory.Exists(directory) || !File.Exists(Path.Combine(directory, "tokenizer.json")))
        {
            return false;
        }

        try
        {
            return File.Exists(DecoderModelInfoReader.FindModelFile(directory));
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Loads the decoder in <paramref name="directory"/>.</summary>
    /// <exception cref="NotSupportedException">The export or its tokenizer is of a kind this runtime cannot run.</exception>
    public static DecoderModel Load(string directory, DecoderModelLoadOptions? options = null)
    {
        options ??= new DecoderModelLoadOptions();
        var modelPath = DecoderModelInfoReader.FindModelFile(directory);
        var tokenizerPath = Path.Combine(directory, "tokenizer.json");
        var tokenizer = File.Exists(tokenizerPath) ? BpeTokenizer.FromFile(tokenizerPath) : throw new FileNotFoundException("tokenizer.json is missing.", tokenizerPath);
        var (session, provider) = CreateSession(modelPath, options);
        try
        {
            var info = DecoderModelInfoReader.Read(directory, modelPath, session);
            var max = options.MaxLength > 0 ? Math.Min(options.MaxLength, info.ContextLength) : info.ContextLength;
            var kvMemory = provider == ExecutionProvider.Cuda
                ? new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, options.DeviceId, OrtMemType.Default)
                : OrtMemoryInfo.DefaultInstance;
            LastPositionSlicer? slicer = null;
            if (options.SliceLogitsOnDevice ?? provider == ExecutionProvider.Cuda)
            {
                using var sliceOptions = NewSessionOptions();
                if (provider == ExecutionProvider.Cuda)
                {
                    sliceOptions.AppendExecutionProvider_CUDA(options.DeviceId);
                }

                slicer = new LastPositionSlicer(info.LogitsElementType, sliceOptions);
            }

            return new DecoderModel(session, info, tokenizer, provider, kvMemory, max, slicer);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    // Frees the native session and buffers; called once, when disposed and no generation uses them (Lifetime).
    private void ReleaseNative()
    {
        slicer?.Dispose();
        if (Provider == ExecutionProvider.Cuda)
        {
            kvAllocator.Dispose();
            kvMemory.Dispose();
        }

        session.Dispose();
    }

    private static (InferenceSession Session, ExecutionProvider Provider) CreateSession(string modelPath, DecoderModelLoadOptions options)
    {
        if (options.Provider == ExecutionProvider.Cuda || (options.Provider == ExecutionProvider.Auto && ChatRag.Core.Hardware.CudaLibraries.ArePresent))
        {
            try
            {
                using var cuda = NewSessionOptions();
                cuda.AppendExecutionProvider_CUDA(options.DeviceId);
                return (new InferenceSession(modelPath, cuda), ExecutionProvider.Cuda);
            }
            catch (OnnxRuntimeException) when (options.Provider == ExecutionProvider.Auto)
            {
                // No usable CUDA here (no driver, no libraries): Auto falls back to the CPU by design.
            }
        }

        using var cpu = NewSessionOptions();
        return (new InferenceSession(modelPath, cpu), ExecutionProvider.Cpu);
    }

    private static SessionOptions NewSessionOptions() => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,

        // Shapes change every step (prefill, then one token, then a longer past); memory patterns would be rebuilt each time.
        EnableMemoryPattern = false,

        // The CPU arena grows with the ever-changing KV shapes of the concat convention and never shrinks; without it,
        // memory stays flat across requests (MemoryStabilityTests). Device memory has its own arena on CUDA.
        EnableCpuMemArena = false,
        LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
    };
}
