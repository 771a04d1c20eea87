namespace ChatRag.Server.Security;

/// <summary>Registration of API key checking.</summary>
public static class ApiKeyExtensions
{
    /// <summary>Adds what the API key middleware needs.</summary>
    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        return services;
    }

    /// <summary>Checks <c>X-Api-Key</c> on <c>/api</c> routes when keys are configured.</summary>
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app) => app.UseMiddleware<ApiKeyMiddleware>();
}
