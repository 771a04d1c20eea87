using System.Text.Json;
using ChatRag.Contracts.OpenAI;

namespace ChatRag.Server.Errors;

/// <summary>
/// Writes every problem on the <c>/v1</c> routes in OpenAI's error shape instead of RFC 7807: the challenge (401), the
/// scope filter (403), the rate limiter (429), the body limit (413), binding failures and the endpoints' own errors
/// all go through <see cref="IProblemDetailsService"/>, so one writer covers them. A problem may name the field at
/// fault and a stable code in its <c>param</c> and <c>code</c> extensions.
/// </summary>
internal sealed class OpenAIErrorWriter : IProblemDetailsWriter
{
    /// <summary>The route prefix this writer answers for.</summary>
    public const string Prefix = "/v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (type, code) = status switch
        {
            StatusCodes.Status401Unauthorized => ("authentication_error", "invalid_api_key"),
            StatusCodes.Status403Forbidden => ("permission_error", "model_not_permitted"),
            StatusCodes.Status404NotFound => ("invalid_request_error", "model_not_found"),
            StatusCodes.Status413PayloadTooLarge => ("invalid_request_error", "request_too_large"),
            StatusCodes.Status429TooManyRequests => ("rate_limit_error", "rate_limit_exceeded"),
            >= 500 => ("server_error", (string?)null),
            _ => ("invalid_request_error", null),
        };
        var body = new ErrorResponse(new ErrorBody(
            problem.Detail ?? problem.Title ?? "The request failed.",
            type,
            problem.Extensions.TryGetValue("param", out var param) ? param as string : null,
            problem.Extensions.TryGetValue("code", out var own) && own is string ownCode ? ownCode : code));
        context.HttpContext.Response.StatusCode = status;
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(body, Json, context.HttpContext.RequestAborted));
    }
}
