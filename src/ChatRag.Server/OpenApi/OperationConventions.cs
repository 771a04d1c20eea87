using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace ChatRag.Server.OpenApi;

/// <summary>
/// What every operation gets from its endpoint's metadata, so a new route mapped like the others is documented:
/// <list type="bullet">
/// <item>the operation id is the endpoint name (<c>WithName("ListDocuments")</c>) in camelCase: <c>listDocuments</c>;</item>
/// <item>a summary that is a whole sentence moves to the description, and the summary becomes the name in words;</item>
/// <item><c>RequireAuthorization</c> adds both security schemes and 401/403, <c>RequireRateLimiting</c> adds 429, a
/// request body adds 400/413 (and 415 for JSON), and every route can give 500;</item>
/// <item>error bodies are problem details under <c>/api</c> and OpenAI's error object under <c>/v1</c>, each with a
/// description of when it happens (<see cref="ErrorResponses"/>);</item>
/// <item>bodies get the example of their schema (<see cref="ApiExamples"/>), and a binary body a binary schema.</item>
/// </list>
/// </summary>
internal sealed partial class OperationConventions : IOpenApiOperationTransformer
{
    private const int MaxSummaryLength = 60;

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var path = "/" + (context.Description.RelativePath ?? string.Empty).TrimStart('/');
        var openAI = path.StartsWith("/v1/", StringComparison.Ordinal);
        if (operation.OperationId is { Length: > 0 } name)
        {
            operation.OperationId = char.ToLowerInvariant(name[0]) + name[1..];
        }

        if (operation.Summary is { } summary && (summary.Length > MaxSummaryLength || summary.TrimEnd().EndsWith('.')))
        {
            operation.Description ??= summary;
            operation.Summary = Words(operation.OperationId ?? summary);
        }

        operation.Responses ??= new OpenApiResponses();
        var errors = new List<int> { StatusCodes.Status500InternalServerError };
        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (secured)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.ApiKeyScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentTransformer.BearerScheme, document)] = [] },
            ];
            errors.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            errors.Add(StatusCodes.Status429TooManyRequests);
        }

        if (operation.RequestBody?.Content is { Count: > 0 } body)
        {
            errors.AddRange([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge]);
            if (body.Keys.Any(k => k.Contains("json", StringComparison.Ordinal)))
            {
                errors.Add(StatusCodes.Status415UnsupportedMediaType);
            }
        }

        var errorSchema = await ErrorResponses.SchemaAsync(openAI, context, cancellationToken);
        foreach (var status in errors)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse());
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (status[0] is '4' or '5')
            {
                ErrorResponses.Describe(concrete, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), openAI, errorSchema);
            }
            else if (string.IsNullOrEmpty(concrete.Description) || concrete.Description == ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)))
            {
                concrete.Description = status == "204" ? "Done; no body." : "Success.";
            }

            if (status[0] == '2' && concrete.Content is not { Count: > 0 })
            {
                // Produces(200, contentType: "application/octet-stream") declares a body without a type: a file.
                var formats = metadata.OfType<IProducesResponseTypeMetadata>()
                    .Where(m => m.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == status)
                    .SelectMany(m => m.ContentTypes)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                if (formats.Count > 0)
                {
                    concrete.Content = formats.ToDictionary(f => f, _ => new OpenApiMediaType(), StringComparer.Ordinal);
                }
            }

            foreach (var (type, media) in concrete.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                FillBody(type, media);
            }
        }

        foreach (var (type, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
        {
            FillBody(type, media);
        }
    }

    private static void FillBody(string type, OpenApiMediaType media)
    {
        if (media.Schema is null && !type.Contains("json", StringComparison.Ordinal) && type != "text/event-stream")
        {
            media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file's bytes." };
        }

        if (type.Contains("json", StringComparison.Ordinal) && media.Example is null && media.Examples is not { Count: > 0 } && media.Schema is { } schema)
        {
            media.Example = ApiExamples.For(schema);
        }
    }

    /// <summary><c>listDocuments</c> → "List documents".</summary>
    private static string Words(string id)
    {
        var words = WordBoundary().Replace(id, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? id : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();
}
