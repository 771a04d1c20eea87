using System.Text.Json;
using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatRag.Server.Health;

/// <summary><c>/health</c>: ready only when the database, the vector store and the encoder models all answer.</summary>
public static class HealthChecksExtensions
{
    /// <summary>Registers the three readiness checks.</summary>
    public static IServiceCollection AddChatRagHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<VectorStoreHealthCheck>("vectorStore")
            .AddCheck<ModelsHealthCheck>("models");
        return services;
    }

    /// <summary>Maps <c>GET /health</c> with a JSON body naming each check.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        // Readiness: the dependencies. The liveness check (ServiceDefaults, /alive) says nothing about them, so it is left out.
        routes.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => !check.Tags.Contains(ChatRag.Hosting.ServiceDefaultsExtensions.LiveTag),
            ResponseWriter = WriteAsync,
        }).WithTags("Health");
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = e.Value.Duration.TotalMilliseconds }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private sealed class DatabaseHealthCheck(IDocumentRepository documents) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await documents.CollectionExistsAsync(Security.CallerScope.Default, cancellationToken);
                return HealthCheckResult.Healthy("SQLite answers.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database cannot be queried.", e);
            }
        }
    }

    private sealed class VectorStoreHealthCheck(IVectorIndex vectors) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await vectors.IsHealthyAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{vectors.Name} index answers.")
                : HealthCheckResult.Unhealthy($"{vectors.Name} index does not answer.");
    }

    private sealed class ModelsHealthCheck(IEncoderCatalog encoders) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                foreach (var encoder in encoders.Encoders)
                {
                    await encoder.Generator.GenerateAsync(["health"], EmbeddingPurpose.ForQuery(), cancellationToken);
                }

                return HealthCheckResult.Healthy($"Encoders loaded: {string.Join(", ", encoders.Encoders.Select(e => e.Space))}.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("An encoder model failed to load or run.", e);
            }
        }
    }
}
