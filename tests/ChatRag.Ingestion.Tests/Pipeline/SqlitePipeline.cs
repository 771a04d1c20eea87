using System.Text;
using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Ocr;
using ChatRag.Ingestion.Pipeline;
using ChatRag.Storage.Sqlite;
using ChatRag.TestKit.Fakes;
using ChatRag.VectorStore.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>
/// The production job store (a real SQLite file) and the embedded vector index in a temp data directory, with
/// processors built over any encoder, so tests can run several workers against the same documents.
/// </summary>
internal sealed class SqlitePipeline : IAsyncDisposable
{
    public const string Space = "hash";
    public const int Dimensions = 64;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "chatrag-fencing", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider provider;

    private SqlitePipeline()
    {
        provider = new ServiceCollection()
            .AddSqliteStorage(new SqliteStorageSettings(directory))
            .BuildServiceProvider();
        Vectors = EmbeddedVectorIndex.Create(new EmbeddedVectorIndexOptions { DataDirectory = Path.Combine(directory, "vectors"), DurableWrites = false });
        Options = new IngestionPipelineOptions { UploadsDirectory = Path.Combine(directory, "uploads"), EmbedBatchSize = 2 };
    }

    public IIngestionJobStore Jobs => provider.GetRequiredService<IIngestionJobStore>();

    public IDocumentRepository Documents => provider.GetRequiredService<IDocumentRepository>();

    public EmbeddedVectorIndex Vectors { get; }

    public IngestionPipelineOptions Options { get; }

    public IngestionLimitsOptions Limits { get; } = new() { MaxFileBytes = 100_000 };

    public static async Task<SqlitePipeline> CreateAsync()
    {
        var pipeline = new SqlitePipeline();
        await pipeline.provider.InitializeStorageAsync();
        await pipeline.Vectors.EnsureSpaceAsync(new VectorSpace(Space, Dimensions));
        return pipeline;
    }

    public async Task<Guid> UploadAsync(string text)
    {
        var uploader = new DocumentUploader(Jobs, new IngestionSignal(), Microsoft.Extensions.Options.Options.Create(Options), Microsoft.Extensions.Options.Options.Create(Limits));
        return (await uploader.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "doc.txt", "c")).Id;
    }

    public async Task<Guid> UploadAsync(byte[] content, string fileName)
    {
        var uploader = new DocumentUploader(Jobs, new IngestionSignal(), Microsoft.Extensions.Options.Options.Create(Options), Microsoft.Extensions.Options.Options.Create(Limits));
        return (await uploader.UploadAsync(new MemoryStream(content), fileName, "c")).Id;
    }

    public DocumentIngestionProcessor Processor(IEmbeddingGenerator<string, Embedding<float>> generator, IOcrEngine? ocr = null, IIngestionJobStore? jobs = null)
    {
        var tokens = new HashingEmbeddingGenerator(Dimensions);
        var encoders = new FixedEncoderCatalog(new NamedEncoder(Space, Dimensions, generator, tokens));
        var chunker = new DocumentChunker(tokens, Microsoft.Extensions.Options.Options.Create(new ChunkingOptions { TargetTokens = 24 }));
        return new DocumentIngestionProcessor(
            jobs ?? Jobs,
            new DocumentExtractor(DocumentExtractor.DefaultReaders(ocr), Microsoft.Extensions.Options.Options.Create(Limits)),
            chunker,
            encoders,
            Vectors,
            Microsoft.Extensions.Options.Options.Create(Options),
            NullLogger<DocumentIngestionProcessor>.Instance);
    }

    /// <summary>Chunk ids the database holds for the document, and chunk ids the vector index returns for the collection.</summary>
    public async Task<(long[] Chunks, long[] Vectors)> IdsAsync(Guid documentId)
    {
        var chunks = (await Documents.GetDocumentChunksAsync(documentId)).Select(c => c.Id).Order().ToArray();
        var probe = new float[Dimensions];
        Array.Fill(probe, 1f / MathF.Sqrt(Dimensions));
        var hits = await Vectors.SearchAsync(Space, new VectorQuery(probe, 1_000, ["c"]));
        return (chunks, hits.Select(h => h.ChunkId).Order().ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        Vectors.Dispose();
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: an abandoned (hung) run may still hold a file.
        }
    }
}
