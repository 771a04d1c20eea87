using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatRag.Contracts.OpenAI;
using Microsoft.OpenApi;

namespace ChatRag.Server.OpenApi;

/// <summary>
/// One realistic example per contract type, written as the contract records themselves and serialized as the API
/// does, so an example cannot drift from the shape the server sends or reads. A request example leaves out what a
/// client may omit (no <c>null</c> fields); a response example shows every field. A new contract type gets its
/// example by adding a line to <see cref="ApiExamples.Samples"/>; the document test fails for a body without one.
/// </summary>
internal static partial class ApiExamples
{
    private static readonly JsonSerializerOptions Response = new(JsonSerializerDefaults.Web);

    private static readonly JsonSerializerOptions Request = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    // Lazy: the samples use static fields of the other part of this class, whose initialization order is not defined.
    private static readonly Lazy<Dictionary<Type, object>> ByType = new(() => Samples().ToDictionary(s => s.GetType()));

    private static readonly Lazy<Dictionary<string, Type>> ByName = new(() => ByType.Value.Keys.ToDictionary(t => t.Name, StringComparer.Ordinal));

    /// <summary>The example of a contract type, or null when it has none.</summary>
    public static JsonNode? For(Type type) =>
        ByType.Value.TryGetValue(type, out var sample) ? JsonSerializer.SerializeToNode(sample, type, RequestTypes.Contains(type) ? Request : Response) : null;

    /// <summary>The example for a body schema: its component's example, or an array of its items' example.</summary>
    public static JsonNode? For(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchemaReference reference when reference.Reference.Id is { } id && ByName.Value.TryGetValue(id, out var type) => For(type),
        { Items: { } items } when For(items) is { } item => new JsonArray(item),
        _ => null,
    };

    /// <summary>The body of an error with this status: problem details, or OpenAI's error object on <c>/v1</c>.</summary>
    public static JsonNode Error(int status, bool openAI)
    {
        var (title, detail, code) = status switch
        {
            StatusCodes.Status400BadRequest => ("Invalid request", "The message is empty.", null),
            StatusCodes.Status401Unauthorized => ("API key required", "Send a valid key in the X-Api-Key header (or as Authorization: Bearer).", "invalid_api_key"),
            StatusCodes.Status403Forbidden => ("Forbidden", "This API key may not use collection 'finance'.", "model_not_permitted"),
            StatusCodes.Status404NotFound => ("Not Found", "No document 3f2c1a9e-5b7d-4e0f-9a61-2d8c4b7e1f05 is visible to this caller.", "model_not_found"),
            StatusCodes.Status409Conflict => ("Conflict", "This document has no stored original (it was imported, not uploaded), so it cannot be re-indexed.", null),
            StatusCodes.Status413PayloadTooLarge => ("Payload Too Large", "The request body is larger than the 65536 bytes this route accepts.", "request_too_large"),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported Media Type", "Expected a JSON body (Content-Type: application/json).", null),
            StatusCodes.Status422UnprocessableEntity => ("Unprocessable Entity", "The file is empty.", null),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "The chat rate limit for this caller was reached; retry later.", "rate_limit_exceeded"),
            _ => ("An error occurred while processing your request.", "The answer failed; see the server log.", null),
        };
        if (openAI)
        {
            var type = status switch
            {
                StatusCodes.Status401Unauthorized => "authentication_error",
                StatusCodes.Status403Forbidden => "permission_error",
                StatusCodes.Status429TooManyRequests => "rate_limit_error",
                >= 500 => "server_error",
                _ => "invalid_request_error",
            };
            return JsonSerializer.SerializeToNode(new ErrorResponse(new ErrorBody(detail, type, status == StatusCodes.Status404NotFound ? "model" : null, code)), Response)!;
        }

        return new JsonObject
        {
            ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? "6" : "5")}.{(status >= 500 ? status - 499 : status - 399)}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
    }
}
