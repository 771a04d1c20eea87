using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRag.Ingestion.Pipeline;

/// <summary>Registers the durable ingestion pipeline.</summary>
public static class IngestionPipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds extraction and chunking (<see cref="IngestionServiceCollectionExtensions.AddChatRagIngestion"/>),
    /// <see cref="DocumentUploader"/>, <see cref="DocumentIngestionProcessor"/> and <see cref="IngestionSignal"/>, with
    /// <see cref="IngestionPipelineOptions"/> bound and validated at start-up. Needs an <c>IIngestionJobStore</c>, an
    /// <c>IEncoderCatalog</c>, an <c>ITokenCounter</c> and an <c>IVectorIndex</c> from elsewhere. Does not start a
    /// worker: hosts that serve uploads add <see cref="AddChatRagIngestionWorker"/>; the CLI drains the queue itself.
    /// </summary>
    public static IServiceCollection AddChatRagIngestionPipeline(this IServiceCollection services, Action<IngestionPipelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddChatRagIngestion();
        var options = services.AddOptions<IngestionPipelineOptions>().BindConfiguration(IngestionPipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddLogging();
        services.TryAddSingleton<IngestionSignal>();
        services.TryAddSingleton<DocumentUploader>();
        services.TryAddSingleton<DocumentIngestionProcessor>();
        return services;
    }

    /// <summary>
    /// Adds the <see cref="IngestionWorker"/> hosted service that processes queued uploads in the background, and the
    /// <see cref="OrphanedUploadSweeper"/> that removes upload files a crash left behind at start-up.
    /// </summary>
    public static IServiceCollection AddChatRagIngestionWorker(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHostedService<IngestionWorker>();
        services.AddHostedService<OrphanedUploadSweeper>();
        return services;
    }
}
