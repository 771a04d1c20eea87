using ChatRag.Core.Retrieval.Reranking;
using ChatRag.Embeddings.Onnx.Hosting;
using ChatRag.Embeddings.Onnx.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRag.Embeddings.Onnx.Reranking;

/// <summary>
/// Opens the configured reranker folder once. A folder that cannot be used stops start-up with the reason when
/// <see cref="RerankerOptions.Required"/> is set (the default), as an unusable encoder folder does; otherwise the reason
/// is logged once and search runs without reranking.
/// </summary>
public sealed partial class OnnxRerankerLoader : IDisposable
{
    private readonly RerankerOptions options;
    private readonly OnnxEncoderOptions encoders;
    private readonly ILogger logger;
    private readonly Lazy<OnnxReranker?> reranker;

    /// <summary>Creates the loader; nothing is read until <see cref="Reranker"/> is.</summary>
    public OnnxRerankerLoader(IOptions<RerankerOptions> options, IOptions<OnnxEncoderOptions> encoders, ILogger<OnnxRerankerLoader>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(encoders);
        this.options = options.Value;
        this.encoders = encoders.Value;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        reranker = new Lazy<OnnxReranker?>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The reranker, or null when none is configured or it was disabled.</summary>
    public OnnxReranker? Reranker => reranker.Value;

    /// <summary>Why a configured reranker is not in use, or null.</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>The folder <see cref="RerankerOptions.Model"/> names: a path, or a name under the models directory.</summary>
    public static string ResolveFolder(string model, string modelsDirectory) =>
        Path.IsPathRooted(model) || model.Contains('/', StringComparison.Ordinal) || model.Contains('\\', StringComparison.Ordinal)
            ? Path.GetFullPath(model)
            : Path.GetFullPath(Path.Combine(modelsDirectory, model));

    private OnnxReranker? Load()
    {
        if (!options.Enabled)
        {
            return null;
        }

        var folder = ResolveFolder(options.Model!, encoders.ModelsDirectory);
        try
        {
            var reranker = OnnxReranker.Load(folder, encoders.ToRuntimeOptions(), options.BatchSize, options.MaxTokens, logger);
            Loaded(logger, reranker.Name, folder, reranker.ExecutionProvider, options.Candidates, options.LatencyBudgetMs);
            return reranker;
        }
        catch (EncoderFolderException ex) when (!options.Required)
        {
            DisabledReason = ex.Message;
            Disabled(logger, ex.Message);
            return null;
        }
        catch (EncoderFolderException ex)
        {
            throw new EncoderFolderException(
                $"{ex.Message} (ChatRag:Reranker:Model is '{options.Model}'; fix the folder, unset it, or set ChatRag:Reranker:Required=false to run without reranking)", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (reranker.IsValueCreated)
        {
            reranker.Value?.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reranker {Reranker} loaded from {Folder} on {Provider}: rescoring the top {Candidates} fused candidates within {BudgetMs} ms")]
    private static partial void Loaded(ILogger logger, string reranker, string folder, string provider, int candidates, int budgetMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reranking is off: {Reason}")]
    private static partial void Disabled(ILogger logger, string reason);
}
