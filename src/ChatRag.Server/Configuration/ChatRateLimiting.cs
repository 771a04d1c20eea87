using System.Threading.RateLimiting;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Configuration;

/// <summary>The chat rate limiter: partitioned by API key id (names can repeat), else by remote address; 429 with problem details.</summary>
public static class ChatRateLimiting
{
    /// <summary>Policy name used by the chat route.</summary>
    public const string PolicyName = "chat";

    /// <summary>Adds validated <see cref="ChatRateLimitOptions"/> and the limiter.</summary>
    public static IServiceCollection AddChatRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<ChatRateLimitOptions>()
            .Bind(configuration.GetSection(ChatRateLimitOptions.SectionName))
            .ValidateDataAnnotations();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, http =>
            {
                var settings = http.RequestServices.GetRequiredService<IOptions<ChatRateLimitOptions>>().Value;
                var key = http.RequestServices.GetRequiredService<CallerScope>().KeyId is { } id
                    ? "key:" + id.ToString("N")
                    : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = "Too many requests", Detail = "The chat rate limit for this caller was reached; retry later." },
                });
            };
        });
        return services;
    }
}
