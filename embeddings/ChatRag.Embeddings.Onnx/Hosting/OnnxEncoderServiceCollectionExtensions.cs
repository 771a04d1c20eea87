using ChatRag.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRag.Embeddings.Onnx.Hosting;

/// <summary>Registers the ONNX encoders.</summary>
public static class OnnxEncoderServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="OnnxEncoderOptions"/> from <c>ChatRag:Encoder</c> (ModelsDirectory falls back to
    /// <c>ChatRag:ModelsDirectory</c>), validates it on start-up and registers <see cref="IEncoderCatalog"/>, plus the
    /// first encoder as the default <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> and <see cref="ITokenCounter"/>
    /// unless those are already registered.
    /// </summary>
    public static IServiceCollection AddOnnxEncoders(this IServiceCollection services, IConfiguration configuration, Action<OnnxEncoderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(OnnxEncoderOptions.SectionName);
        var sharedModels = configuration["ChatRag:ModelsDirectory"];
        services.AddOptions<OnnxEncoderOptions>()
            .Bind(section)
            .Configure(options =>
            {
                if (section[nameof(OnnxEncoderOptions.ModelsDirectory)] is null && !string.IsNullOrWhiteSpace(sharedModels))
                {
                    options.ModelsDirectory = sharedModels;
                }
            });
        return services.AddOnnxEncoders(configure);
    }

    /// <summary>Registers the encoders with options set in code (and by any earlier binding).</summary>
    public static IServiceCollection AddOnnxEncoders(this IServiceCollection services, Action<OnnxEncoderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OnnxEncoderOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OnnxEncoderCatalog>();
        services.TryAddSingleton<IEncoderCatalog>(sp => sp.GetRequiredService<OnnxEncoderCatalog>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IEncoderCatalog>().Encoders[0].Generator);
        services.TryAddSingleton(sp => sp.GetRequiredService<IEncoderCatalog>().Encoders[0].Tokens);
        return services;
    }
}
