using Microsoft.Net.Http.Headers;

namespace ChatRag.Server.Security;

/// <summary>
/// Security headers on every response (API, health, errors, static files, the client's page): a Content-Security-Policy
/// chosen by path, <c>X-Content-Type-Options: nosniff</c> and <c>Referrer-Policy: no-referrer</c>. They are set when the
/// response starts, so error pages written by the exception handler (which clears headers) get them too.
/// </summary>
public static class SecurityHeadersExtensions
{
    /// <summary>Adds the headers; call right after <c>UseExceptionHandler</c>. An endpoint that sets its own policy keeps it.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var webClient = ContentSecurityPolicies.WebClient(ContentSecurityPolicies.InlineScriptHashes(app.Environment.WebRootFileProvider));
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            var policy = path.StartsWithSegments("/api") || path.StartsWithSegments("/v1") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi")
                ? ContentSecurityPolicies.Inert
                : path.StartsWithSegments("/docs") || path.StartsWithSegments("/scalar") ? ContentSecurityPolicies.ApiReference : webClient;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = policy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
