using ChatRag.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;

namespace ChatRag.Server.Security;

/// <summary>
/// Requires header <c>X-Api-Key</c> on every <c>/api</c> call once any key exists; the API is open while none does.
/// A valid key's collection scope is put into <see cref="CallerScope"/> for the endpoints to enforce in retrieval.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IApiKeyStore keys, IMemoryCache cache, IProblemDetailsService problems)
{
    public const string HeaderName = "X-Api-Key";
    private const string AnyKeysCacheEntry = "chatrag:any-api-keys";

    public async Task InvokeAsync(HttpContext context, CallerScope scope)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || !await AnyKeysAsync(context.RequestAborted))
        {
            await next(context);
            return;
        }

        var presented = context.Request.Headers[HeaderName].ToString();
        var key = string.IsNullOrEmpty(presented) ? null : await keys.ValidateAsync(presented, context.RequestAborted);
        if (key is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"{HeaderName} realm=\"ChatRag\"";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "API key required",
                    Detail = string.IsNullOrEmpty(presented)
                        ? $"Send a valid key in the {HeaderName} header."
                        : "The API key is not valid or has been revoked.",
                },
            });
            return;
        }

        scope.Restrict(key.Name, key.Collection);
        await next(context);
    }

    private async Task<bool> AnyKeysAsync(CancellationToken cancellationToken)
    {
        // Creating the first key must close the API within seconds, without a database query per request.
        if (cache.TryGetValue(AnyKeysCacheEntry, out bool any))
        {
            return any;
        }

        any = await keys.AnyActiveAsync(cancellationToken);
        cache.Set(AnyKeysCacheEntry, any, TimeSpan.FromSeconds(any ? 30 : 2));
        return any;
    }
}
