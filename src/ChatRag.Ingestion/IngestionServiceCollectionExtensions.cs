using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Ocr;
using ChatRag.Ingestion.Readers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRag.Ingestion;

/// <summary>Registers document extraction and chunking.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the built-in readers, OCR (<see cref="OcrOptions"/>, Tesseract), <see cref="DocumentExtractor"/>, <see cref="DocumentChunker"/> and
    /// <see cref="StructuredEvalChunker"/>, with <see cref="IngestionLimitsOptions"/> and <see cref="ChunkingOptions"/>
    /// bound from configuration and validated at start-up. The chunker needs an <c>ITokenCounter</c> registered elsewhere
    /// (the encoder's).
    /// </summary>
    public static IServiceCollection AddChatRagIngestion(
        this IServiceCollection services,
        Action<IngestionLimitsOptions>? configureLimits = null,
        Action<ChunkingOptions>? configureChunking = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var limits = services.AddOptions<IngestionLimitsOptions>().BindConfiguration(IngestionLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OcrOptions>().BindConfiguration(OcrOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOcrEngine, TesseractOcrEngine>();
        var chunking = services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (configureLimits is not null)
        {
            limits.Configure(configureLimits);
        }

        if (configureChunking is not null)
        {
            chunking.Configure(configureChunking);
        }

        foreach (var reader in DocumentExtractor.DefaultReaders())
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IDocumentReader), reader.GetType()));
        }

        services.TryAddSingleton<DocumentExtractor>();
        services.TryAddSingleton<DocumentChunker>();
        services.TryAddSingleton<StructuredEvalChunker>();
        return services;
    }
}
