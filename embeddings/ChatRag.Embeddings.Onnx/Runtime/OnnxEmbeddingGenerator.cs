using System.Diagnostics;
using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Diagnostics;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Tokenization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatRag.Embeddings.Onnx.Runtime;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over an ONNX encoder: BERT tokenisation with the model's
/// query or passage prefix (<see cref="EmbeddingPurpose"/> in the options), length-bucketed batches, pooling and L2
/// normalisation. Thread-safe; dispose to release the session.
/// </summary>
public sealed partial class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Provider name reported in metadata.</summary>
    public const string ProviderName = "onnxruntime";

    private readonly EncoderSession session;
    private readonly EncoderRuntimeOptions options;

    /// <summary>Opens the encoder of a loaded folder.</summary>
    /// <param name="model">The encoder folder.</param>
    /// <param name="options">Provider, batching and threading; defaults when null.</param>
    /// <param name="logger">Receives the CUDA fallback warning.</param>
    /// <param name="onProviderFallback">Called instead of logging when CUDA could not be loaded (lets a catalog warn once).</param>
    public OnnxEmbeddingGenerator(EncoderModel model, EncoderRuntimeOptions? options = null, ILogger? logger = null, Action<Exception>? onProviderFallback = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        this.options = options ?? new EncoderRuntimeOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MaxParallelism, 1);
        logger ??= NullLogger.Instance;
        onProviderFallback ??= ex => logger.LogWarning(
            "CUDA is not available for encoder {Encoder}; running on the CPU ({Reason})", model.Config.Name, ex.Message);
        session = EncoderSession.Open(model.ModelPath, this.options, model.Config.OutputName, logger, onProviderFallback);
        if (model.Config.Dimensions != 0 && model.Config.Dimensions != session.HiddenSize)
        {
            session.Dispose();
            throw new EncoderFolderException(
                $"{EncoderConfig.FileName} in '{model.Directory}' says {model.Config.Dimensions} dimensions but the graph outputs {session.HiddenSize}.");
        }

        Pooling = session.OutputRank == 2 ? EncoderPooling.None : model.Config.Pooling == EncoderPooling.None ? EncoderPooling.Cls : model.Config.Pooling;
        Metadata = new EmbeddingGeneratorMetadata(ProviderName, null, model.Config.ModelId ?? model.Config.Name, Dimensions);
    }

    /// <summary>The encoder folder.</summary>
    public EncoderModel Model { get; }

    /// <summary>The tokenizer.</summary>
    public IEncoderTokenizer Tokenizer => Model.Tokenizer;

    /// <summary>Embedding length.</summary>
    public int Dimensions => session.HiddenSize;

    /// <summary>Pooling in effect (None when the graph pools).</summary>
    public EncoderPooling Pooling { get; }

    /// <summary>ONNX Runtime's name of the provider in use.</summary>
    public string ExecutionProvider => session.ProviderName;

    /// <summary>Provider, model id and dimensions.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var purpose = EmbeddingPurpose.Of(options);
        using var activity = EncoderTelemetry.ActivitySource.StartActivity("encoder.embed", ActivityKind.Internal);
        activity?.SetTag("chatrag.encoder", Model.Config.Name);
        activity?.SetTag("chatrag.encoder.inputs", texts.Count);
        activity?.SetTag(EmbeddingPurpose.PropertyName, purpose);

        var ids = Tokenize(texts, purpose);
        var vectors = await EmbedAsync(ids, cancellationToken).ConfigureAwait(false);
        var tokens = 0L;
        foreach (var sequence in ids)
        {
            tokens += sequence.Length;
        }

        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count)
        {
            Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens },
        };
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = Metadata.DefaultModelId, CreatedAt = created });
        }

        return result;
    }

    /// <summary>Token ids (with the model's special tokens, truncated) of each text as this generator would feed them.</summary>
    public int[][] Tokenize(IReadOnlyList<string> texts, string purpose)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var prefix = purpose == EmbeddingPurpose.Query ? Model.Config.QueryPrefix : Model.Config.DocumentPrefix;
        var ids = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i] ?? throw new ArgumentException("Inputs cannot contain null.", nameof(texts));
            ids[i] = Tokenizer.Encode(prefix.Length == 0 ? text : prefix + text, Model.Config.MaxTokens);
        }

        return ids;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return Metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }
}
