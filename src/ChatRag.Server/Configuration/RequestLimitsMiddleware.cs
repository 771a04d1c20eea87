using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Configuration;

/// <summary>Holds non-upload requests to the JSON body limit, so only the upload route accepts large bodies.</summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var isUpload = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/v1/documents", StringComparison.OrdinalIgnoreCase);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (!isUpload && feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = options.Value.MaxJsonBodyBytes;
        }

        if (!isUpload && context.Request.ContentLength > options.Value.MaxJsonBodyBytes)
        {
            throw new BadHttpRequestException($"The request body is larger than {options.Value.MaxJsonBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
