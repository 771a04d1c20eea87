using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

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
            var reference = path.StartsWithSegments("/docs") || path.StartsWithSegments("/scalar");
            var policy = path.StartsWithSegments("/api") || path.StartsWithSegments("/v1") || path.StartsWithSegments("/mcp") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi")
                ? ContentSecurityPolicies.Inert
                : webClient;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    // The reference page's nonce exists only once Scalar has rendered it, so it is read when the response starts.
                    headers.ContentSecurityPolicy = reference
                        ? ContentSecurityPolicies.ApiReference(context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null)
                        : policy;
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
