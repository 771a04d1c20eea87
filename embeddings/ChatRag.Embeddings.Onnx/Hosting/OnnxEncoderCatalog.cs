using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRag.Embeddings.Onnx.Hosting;

/// <summary>
/// The configured encoders, opened on first use (extracting bundled ones if needed) and shared by every caller.
/// The CUDA fallback warning is logged once for the whole catalog.
/// </summary>
public sealed class OnnxEncoderCatalog : IEncoderCatalog, IDisposable
{
    private readonly OnnxEncoderOptions options;
    private readonly ILogger logger;
    private readonly Lazy<IReadOnlyList<NamedEncoder>> encoders;
    private int fallbackLogged;

    /// <summary>Creates the catalog; nothing loads until <see cref="Encoders"/> is read.</summary>
    public OnnxEncoderCatalog(IOptions<OnnxEncoderOptions> options, ILogger<OnnxEncoderCatalog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        encoders = new Lazy<IReadOnlyList<NamedEncoder>>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public IReadOnlyList<NamedEncoder> Encoders => encoders.Value;

    /// <summary>Whether the encoders have been opened.</summary>
    public bool IsLoaded => encoders.IsValueCreated;

    private IReadOnlyList<NamedEncoder> Load()
    {
        var runtime = options.ToRuntimeOptions();
        var encoders = new List<NamedEncoder>();
        try
        {
            foreach (var name in options.EffectiveModels)
            {
                var folder = Path.Combine(options.ModelsDirectory, name);
                if (options.ExtractBundledModels && BundledEncoders.IsBundled(name))
                {
                    folder = BundledEncoders.EnsureExtracted(name, options.ModelsDirectory);
                }

                var model = EncoderModel.Load(folder);
                var generator = new OnnxEmbeddingGenerator(model, runtime, logger, OnFallback);
                logger.LogInformation("Encoder {Encoder} loaded from {Folder} on {Provider} ({Dimensions} dims, {Pooling} pooling)",
                    name, model.Directory, generator.ExecutionProvider, generator.Dimensions, generator.Pooling);
                encoders.Add(new NamedEncoder(name, generator.Dimensions, generator, new EncoderTokenCounter(model.Tokenizer, model.Config.MaxTokens), model.Config.Languages));
            }
        }
        catch
        {
            foreach (var encoder in encoders)
            {
                encoder.Generator.Dispose();
            }

            throw;
        }

        return encoders;
    }

    private void OnFallback(Exception ex)
    {
        if (Interlocked.Exchange(ref fallbackLogged, 1) == 0)
        {
            logger.LogWarning("CUDA execution provider unavailable; encoders run on the CPU ({Reason})", ex.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!encoders.IsValueCreated)
        {
            return;
        }

        foreach (var encoder in encoders.Value)
        {
            encoder.Generator.Dispose();
        }
    }
}
