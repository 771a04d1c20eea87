using System.Text.Json.Serialization;

namespace ChatRag.Contracts.OpenAI;

/// <summary>Every error on the <c>/v1</c> routes, in OpenAI's shape, so OpenAI clients raise their usual exceptions.</summary>
/// <param name="Error">The error.</param>
public sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorBody Error);

/// <summary>The error of an <see cref="ErrorResponse"/>.</summary>
/// <param name="Message">What went wrong, for a person.</param>
/// <param name="Type"><c>invalid_request_error</c>, <c>authentication_error</c>, <c>permission_error</c>, <c>rate_limit_error</c> or <c>server_error</c>.</param>
/// <param name="Param">The request field at fault, or null.</param>
/// <param name="Code">A stable code (<c>model_not_found</c>, <c>invalid_api_key</c>, …), or null.</param>
public sealed record ErrorBody(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string? Code);
