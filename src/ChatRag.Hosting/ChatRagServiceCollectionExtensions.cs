using ChatRag.Core.Documents;
using ChatRag.Core.Evaluation;
using ChatRag.Ingestion.Chunking;
using ChatRag.Core.Indexing;
using ChatRag.Core.Retrieval;
using ChatRag.Embeddings.Onnx.Hosting;
using ChatRag.Ingestion.Pipeline;
using ChatRag.Storage.Sqlite;
using ChatRag.Storage.Sqlite.Conversations;
using ChatRag.VectorStore.Embedded;
using ChatRag.VectorStore.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Hosting;

/// <summary>The composition root: the only place adapters are chosen and wired together.</summary>
public static class ChatRagServiceCollectionExtensions
{
    /// <summary>Adds storage, the vector index chosen by <c>ChatRag:VectorStore</c>, the encoders, the retrieval engine and the ingestion pipeline (without its worker).</summary>
    public static IServiceCollection AddChatRag(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<ChatRagOptions>()
            .Bind(configuration.GetSection(ChatRagOptions.SectionName))
            .ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<RetrievalOptions>()
            .Bind(configuration.GetSection(RetrievalOptions.SectionName))
            .ValidateDataAnnotations();

        // Storage reads its settings from the validated ChatRagOptions: one class binds the ChatRag section.
        services.AddSqliteStorage(sp => sp.GetRequiredService<IOptions<ChatRagOptions>>().Value.Storage());
        services.AddOnnxEncoders(configuration);
        services.AddOnnxReranker(configuration);
        // The choice decides which services exist, so it is read here, with the binder that ChatRagOptions uses.
        if (ChosenVectorStore(configuration) == VectorStoreKind.Qdrant)
        {
            services.AddQdrantVectorIndex(configuration);
        }
        else
        {
            services.AddEmbeddedVectorIndex(configuration);
        }

        services.AddSingleton<ChunkIndexer>();
        services.AddSingleton<HybridSearcher>();
        services.AddSingleton<RetrievalEvaluator>();
        services.AddSingleton<IEvalChunker, WholeDocumentChunker>();
        services.AddSingleton<IEvalChunker>(provider => provider.GetRequiredService<StructuredEvalChunker>());
        AddIngestionPipeline(services, configuration);
        return services;
    }

    private static VectorStoreKind ChosenVectorStore(IConfiguration configuration)
    {
        var key = $"{ChatRagOptions.SectionName}:{nameof(ChatRagOptions.VectorStore)}";
        var text = configuration[key] ?? nameof(VectorStoreKind.Embedded);
        // Numbers parse as enums too; only the names are accepted.
        return Enum.TryParse<VectorStoreKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _)
            ? kind
            : throw new InvalidOperationException($"{key} must be {string.Join(" or ", Enum.GetNames<VectorStoreKind>())}.");
    }

    // Stored originals live in the data directory (never a web root) unless a folder is configured explicitly.
    private static void AddIngestionPipeline(IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatRagIngestionPipeline();
        if (string.IsNullOrWhiteSpace(configuration[$"{IngestionPipelineOptions.SectionName}:{nameof(IngestionPipelineOptions.UploadsDirectory)}"]))
        {
            services.AddOptions<IngestionPipelineOptions>().Configure<IOptions<ChatRagOptions>>((pipeline, chatRag) =>
                pipeline.UploadsDirectory = Path.Combine(chatRag.Value.DataDirectory, "uploads"));
        }
    }

    /// <summary>Creates the database schema and the vector spaces; call once at start-up.</summary>
    public static async Task InitializeChatRagAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.InitializeStorageAsync(cancellationToken);
        // Conversations have their own migrations; the CLI without chat does not register them.
        if (services.GetService<Microsoft.EntityFrameworkCore.IDbContextFactory<ConversationsDbContext>>() is not null)
        {
            await services.InitializeConversationsAsync(cancellationToken);
        }

        await services.GetRequiredService<ChunkIndexer>().EnsureSpacesAsync(cancellationToken);

        // A configured reranker folder that cannot be used fails here, at start-up, with the reason (as encoders do).
        _ = services.GetService<ChatRag.Core.Retrieval.Reranking.RerankStage>();

        // A fresh install answers searches and questions against an empty "default" collection instead of 404.
        await services.GetRequiredService<IDocumentRepository>().EnsureCollectionAsync(DefaultCollection, cancellationToken);
    }

    /// <summary>The collection used when a request names none.</summary>
    public const string DefaultCollection = "default";
}
