using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Configuration;

/// <summary>
/// The upload rate limiter: with the per-request file cap it bounds how many documents (and queued jobs) one caller can
/// create per minute. Same partitions and 429 answer as the chat limiter.
/// </summary>
public static class UploadRateLimiting
{
    /// <summary>Policy name used by the upload route.</summary>
    public const string PolicyName = "upload";

    /// <summary>Adds validated <see cref="UploadRateLimitOptions"/> and the upload policy (call after <c>AddChatRateLimiting</c>, which adds the limiter).</summary>
    public static IServiceCollection AddUploadRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<UploadRateLimitOptions>()
            .Bind(configuration.GetSection(UploadRateLimitOptions.SectionName))
            .ValidateDataAnnotations();
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(PolicyName, http =>
        {
            var settings = http.RequestServices.GetRequiredService<IOptions<UploadRateLimitOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(RateLimitPartitions.CallerPartitionKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                QueueLimit = 0,
            });
        }));
        return services;
    }
}
