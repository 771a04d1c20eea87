using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatRag.Hosting;

/// <summary>
/// What every ChatRag process gets, server and CLI alike (the eShop ServiceDefaults pattern): OpenTelemetry traces,
/// metrics and logs over the application's own sources and meters plus ASP.NET Core, HttpClient and EF Core, exported
/// over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; and the liveness check behind <c>/alive</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The environment variable (or configuration key) that switches the OTLP exporter on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Tag of the health check that only says the process runs; <c>/alive</c> runs only checks with it.</summary>
    public const string LiveTag = "live";

    /// <summary>Adds OpenTelemetry and the liveness check; call first, before the application's services.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. ChatRagTelemetry.MeterNames]))
            .WithTracing(tracing => tracing
                .AddSource([.. ChatRagTelemetry.SourceNames])
                .AddAspNetCoreInstrumentation(o =>
                    // Probes every few seconds would drown the traces that matter.
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/alive"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            // Reads the standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) and OTEL_SERVICE_NAME.
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// The decoder's middleware, for every decoder: GenAI spans and token/latency metrics under
    /// <see cref="ChatRagTelemetry.DecoderName"/> (message text is never recorded) and Debug-level call logs. Call it
    /// after <c>UseFunctionInvocation()</c>, so tool calls get their own <c>execute_tool</c> spans under the turn.
    /// </summary>
    public static ChatClientBuilder UseChatRagTelemetry(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseOpenTelemetry(sourceName: ChatRagTelemetry.DecoderName, configure: c => c.EnableSensitiveData = false)
            .UseLogging();
    }

    /// <summary>
    /// Builds the tracer and meter providers now. A web host does it when it starts; the CLI never starts its host
    /// (it only resolves services), so without this its spans and metrics would have no listener.
    /// </summary>
    public static IServiceProvider StartServiceDefaults(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
        return services;
    }

    /// <summary>Maps <c>GET /alive</c>: the process answers; no dependency is checked (that is <c>/health</c>, readiness).</summary>
    public static IEndpointRouteBuilder MapAliveEndpoint(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).WithTags("Health");
        return routes;
    }
}
