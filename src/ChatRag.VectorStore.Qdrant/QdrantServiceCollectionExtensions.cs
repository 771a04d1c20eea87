using ChatRag.Core.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Registers the Qdrant vector index.</summary>
public static class QdrantServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="QdrantOptions"/> from <c>ChatRag:Qdrant</c> (at start-up) and registers
    /// <see cref="QdrantVectorIndex"/> as <see cref="IVectorIndex"/> and <see cref="IHybridVectorIndex"/>, over the gRPC
    /// client unless an <see cref="IQdrantClient"/> is already registered.
    /// </summary>
    public static IServiceCollection AddQdrantVectorIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<QdrantOptions>()
            .Bind(configuration.GetSection(QdrantOptions.SectionName))
            .ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>());
        services.TryAddSingleton<IQdrantClient>(sp => new QdrantClientForwarder(sp.GetRequiredService<IOptions<QdrantOptions>>().Value));
        services.TryAddSingleton<QdrantVectorIndex>();
        services.AddSingleton<IVectorIndex>(sp => sp.GetRequiredService<QdrantVectorIndex>());
        services.AddSingleton<IHybridVectorIndex>(sp => sp.GetRequiredService<QdrantVectorIndex>());
        return services;
    }
}
