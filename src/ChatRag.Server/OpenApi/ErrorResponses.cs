using ChatRag.Contracts.OpenAI;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace ChatRag.Server.OpenApi;

/// <summary>
/// The error responses of the API: when each status happens, and its body (problem details under <c>/api</c>, OpenAI's
/// error object under <c>/v1</c>). A route that gives a status for its own reason says so with an operation transformer
/// or a response description of its own; the generic reason phrase is replaced by the sentence here.
/// </summary>
internal static class ErrorResponses
{
    private static readonly Dictionary<int, string> When = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is malformed or a field is invalid (unreadable JSON, empty message, bad parameter); `detail` says which.",
        [StatusCodes.Status401Unauthorized] = "No API key, or the key is not valid or was revoked. Send it in `X-Api-Key` or as `Authorization: Bearer`.",
        [StatusCodes.Status403Forbidden] = "The API key is limited to another collection than the one this request names.",
        [StatusCodes.Status404NotFound] = "Not found, or not visible to this API key (another collection's items answer 404 too).",
        [StatusCodes.Status409Conflict] = "The request conflicts with the current state; `detail` says how.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is larger than the server accepts (`ChatRag:Limits`: JSON bodies and uploads have their own limits).",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not in a media type this route reads (send `Content-Type: application/json`).",
        [StatusCodes.Status422UnprocessableEntity] = "The file is empty or cannot be read as the type it claims.",
        [StatusCodes.Status429TooManyRequests] = "Too many requests for this API key (or client address); wait the `Retry-After` seconds.",
        [StatusCodes.Status500InternalServerError] = "An unexpected failure on the server; the body holds no internals, the server log has the trace.",
    };

    /// <summary>The reference to the error schema, registering it in the document the first time.</summary>
    public static async Task<IOpenApiSchema> SchemaAsync(bool openAI, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var (id, type) = openAI ? (nameof(ErrorResponse), typeof(ErrorResponse)) : (nameof(ProblemDetails), typeof(ProblemDetails));
        if (document.Components?.Schemas?.ContainsKey(id) != true)
        {
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }

        return new OpenApiSchemaReference(id, document);
    }

    /// <summary>Gives an error response its body and, unless it has its own, the sentence for its status.</summary>
    public static void Describe(OpenApiResponse response, int status, bool openAI, IOpenApiSchema schema)
    {
        if (string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(status))
        {
            response.Description = When.TryGetValue(status, out var when) ? when : ReasonPhrases.GetReasonPhrase(status) + "; `detail` says why.";
        }

        var mediaType = openAI ? "application/json" : "application/problem+json";
        response.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [mediaType] = new() { Schema = schema, Example = ApiExamples.Error(status, openAI) },
        };
        if (status == StatusCodes.Status429TooManyRequests)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before the next request.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }
    }
}
