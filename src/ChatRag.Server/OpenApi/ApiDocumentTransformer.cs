using ChatRag.Server.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatRag.Server.OpenApi;

/// <summary>The document's title and introduction, its two security schemes and the description of each tag.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The <c>X-Api-Key</c> header scheme.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The <c>Authorization: Bearer</c> scheme (what OpenAI clients send).</summary>
    public const string BearerScheme = "Bearer";

    private const string Introduction = """
        Grounded answers with checked citations over your own documents. Upload files to a collection, then search it
        or ask questions; every answer cites the passages it is based on.

        **Authentication.** Send an API key in the `X-Api-Key` header or as `Authorization: Bearer <key>` (both are
        accepted on every route; OpenAI clients send the second). Keys are created with `chatrag keys create NAME`; a key
        created with `--collection C` may only use that collection, and anything else answers 403 (or 404 for a document
        or conversation in another collection, so ids cannot be probed). A server started with
        `ChatRag:Auth:Mode=Anonymous` needs no key.

        **Errors.** Every error under `/api/v1` is an RFC 9457 problem details object (`application/problem+json`);
        under `/v1` (the OpenAI-compatible routes) it is OpenAI's `{"error": {...}}` object, so OpenAI SDKs raise their
        usual exceptions. Chat and upload are rate limited per key (or client address): a 429 carries `Retry-After`.

        **Streaming.** `POST /api/v1/chat` with `"stream": true` answers `text/event-stream`: `thought`, `tool`, `delta`,
        `citation` events, then one `done` event with the whole answer (see the operation for each payload).
        """;

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Search"] = "Hybrid retrieval (dense vectors and BM25, fused) over a collection, without an answer.",
        ["Documents"] = "Upload files to a collection, follow their processing, list, re-index, download and delete them.",
        ["Chat"] = "Grounded answers with checked citations, as one JSON object or as Server-Sent Events.",
        ["Conversations"] = "The stored conversations of the caller: list, read with their citations and traces, delete.",
        ["Status"] = "The models in use and the collections the caller may see.",
        ["OpenAI-compatible"] = "The OpenAI chat-completions wire format over the same grounded pipeline, for any OpenAI SDK or client.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ChatRag API";
        document.Info.Description = Introduction;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyClaims.HeaderName,
            Description = "A ChatRag API key in the X-Api-Key header (created with `chatrag keys create NAME`).",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same ChatRag API key as `Authorization: Bearer <key>`, as OpenAI clients send it. X-Api-Key wins when both are sent.",
        };
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
            {
                tag.Description ??= description;
            }
        }

        DescribeNullableReferences(document);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A nullable property of a named type is written as <c>oneOf: [null, $ref]</c>, and the generator leaves the
    /// property's XML description on the reference inside (or drops it); the property gets that description, else its
    /// type's, so no property is left blank in the reference.
    /// </summary>
    private static void DescribeNullableReferences(OpenApiDocument document)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            foreach (var property in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
            {
                if (string.IsNullOrEmpty(property.Description)
                    && (property.OneOf ?? property.AnyOf)?.OfType<OpenApiSchemaReference>().FirstOrDefault()?.Description is { Length: > 0 } described)
                {
                    property.Description = described;
                }
            }
        }
    }
}
