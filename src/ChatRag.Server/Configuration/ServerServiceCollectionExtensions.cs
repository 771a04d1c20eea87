using ChatRag.Server.Errors;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Configuration;

/// <summary>Server-only services: problem details, request limits.</summary>
public static class ServerServiceCollectionExtensions
{
    /// <summary>Adds RFC 7807 errors for every failure and the lexical index warm-up.</summary>
    public static IServiceCollection AddServerBasics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<RequestLimitsOptions>()
            .Bind(configuration.GetSection(RequestLimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.DocumentsPageSize <= o.MaxDocumentsPageSize, "ChatRag:Limits:DocumentsPageSize must not exceed MaxDocumentsPageSize.");
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHostedService<LexicalWarmUpService>();
        services.AddHostedService<StartupSummary>();
        services.AddHostedService<OcrStartupCheck>();

        // Kestrel's global cap is the upload limit; JSON endpoints are held to the smaller one by RequestLimitsMiddleware.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxUploadBytes);
        return services;
    }
}
