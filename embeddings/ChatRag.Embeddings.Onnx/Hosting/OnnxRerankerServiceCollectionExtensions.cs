using ChatRag.Core.Retrieval.Reranking;
using ChatRag.Embeddings.Onnx.Reranking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRag.Embeddings.Onnx.Hosting;

/// <summary>Registers the optional cross-encoder reranker.</summary>
public static class OnnxRerankerServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RerankerOptions"/> from <c>ChatRag:Reranker</c>, validates it on start-up and registers the
    /// <see cref="RerankStage"/> the searcher uses (inactive when no reranker is configured). The folder is opened
    /// when the stage is first resolved; call <see cref="OnnxRerankerLoader.Reranker"/> at start-up to fail early.
    /// </summary>
    public static IServiceCollection AddOnnxReranker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<RerankerOptions>()
            .Bind(configuration.GetSection(RerankerOptions.SectionName))
            .ValidateDataAnnotations();
        services.TryAddSingleton<OnnxRerankerLoader>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RerankerOptions>>().Value;
            var budget = sp.GetService<IRerankBudget>() ?? new LatencyRerankBudget(TimeSpan.FromMilliseconds(options.LatencyBudgetMs));
            return new RerankStage(sp.GetRequiredService<OnnxRerankerLoader>().Reranker, budget, options.Candidates);
        });
        return services;
    }
}
