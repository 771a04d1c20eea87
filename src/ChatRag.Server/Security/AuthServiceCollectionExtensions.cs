using Microsoft.AspNetCore.Authentication;

namespace ChatRag.Server.Security;

/// <summary>Registration of API access: options, the <c>X-Api-Key</c> scheme, the API policy and the caller scope.</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>The authorization policy every <c>/api/v1</c> route requires.</summary>
    public const string ApiPolicy = "ChatRagApi";

    /// <summary>Adds validated <see cref="AuthOptions"/>, the authentication handler, the policy and the per-request <see cref="CallerScope"/>.</summary>
    public static IServiceCollection AddChatRagAuth(this IServiceCollection services, IConfiguration configuration)
    {
        // An unknown Mode fails binding, and ValidateOnStart turns that into a start-up failure naming the key.
        services.AddOptionsWithValidateOnStart<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName));
        services.AddSingleton(AuthEnvironment.From(configuration));
        services.AddSingleton<AuthModeResolver>();

        // No default scheme: only routes under the API policy authenticate, so static files and /health never touch the key store.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyClaims.Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyClaims.Scheme).RequireAuthenticatedUser());

        services.AddHttpContextAccessor();
        services.AddScoped(provider => CallerScope.From(provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
        return services;
    }

    /// <summary>The <c>/api/v1</c> group: every route in it needs an authenticated caller (a valid key, or anonymous mode).</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder routes) =>
        routes.MapGroup("/api/v1").RequireAuthorization(ApiPolicy);
}
