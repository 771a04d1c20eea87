using ChatRag.Core.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRag.VectorStore.Embedded;

/// <summary>Registers the embedded vector index.</summary>
public static class EmbeddedVectorIndexServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="EmbeddedVectorIndex"/> as the <see cref="IVectorIndex"/> singleton, with options bound from
    /// <c>ChatRag:VectorIndex</c> and the data directory from <c>ChatRag:DataDirectory</c>, validated at start-up.
    /// </summary>
    public static IServiceCollection AddEmbeddedVectorIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<EmbeddedVectorIndexOptions>()
            .Bind(configuration.GetSection(EmbeddedVectorIndexOptions.SectionName))
            .Configure(options =>
            {
                if (configuration["ChatRag:DataDirectory"] is { Length: > 0 } dataDirectory)
                {
                    options.DataDirectory = dataDirectory;
                }
            })
            .ValidateDataAnnotations();
        services.TryAddSingleton<EmbeddedVectorIndex>();
        services.TryAddSingleton<IVectorIndex>(provider => provider.GetRequiredService<EmbeddedVectorIndex>());
        return services;
    }
}
