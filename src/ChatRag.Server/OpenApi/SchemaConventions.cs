using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRag.Contracts.Chat;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatRag.Server.OpenApi;

/// <summary>
/// Per-type additions to the generated schemas: each contract type's example (<see cref="ApiExamples"/>); in request
/// bodies, a required field is not nullable (the records accept null only so the endpoint can answer a readable 400,
/// and a client must not copy <c>"message": null</c> from the document); and descriptions for the framework's own
/// types, which carry no XML comments the generator can read.
/// </summary>
internal sealed class SchemaConventions : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<string, string> ProblemFields = new(StringComparer.Ordinal)
    {
        ["type"] = "A URI reference that identifies the problem type (the RFC 9110 section of the status by default).",
        ["title"] = "A short summary of the problem type.",
        ["status"] = "The HTTP status code.",
        ["detail"] = "What went wrong with this request, in words a person can act on.",
        ["instance"] = "A URI reference that identifies this occurrence of the problem.",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Called for a type's own schema, and for the schema of a property of that type: both are the type's schema.
        var type = context.JsonTypeInfo.Type;
        if (ApiExamples.For(type) is { } example)
        {
            schema.Examples = [example];
        }

        // A property left out when null (JsonIgnore WhenWritingNull) is not always present, so it is not required.
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).OfType<JsonIgnoreAttribute>()
                .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true)
            {
                schema.Required?.Remove(property.Name);
            }
        }

        if (ApiExamples.RequestTypes.Contains(type))
        {
            foreach (var name in schema.Required ?? new HashSet<string>())
            {
                if (schema.Properties is { } properties && properties.TryGetValue(name, out var found) && found is OpenApiSchema { Type: { } propertyType } property)
                {
                    property.Type = propertyType & ~JsonSchemaType.Null;
                }
            }
        }

        if (type == typeof(ProblemDetails) || type == typeof(HttpValidationProblemDetails))
        {
            schema.Description ??= "An RFC 9457 problem details object: every error of the /api/v1 routes.";
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (property is OpenApiSchema concrete && ProblemFields.TryGetValue(name, out var description))
                {
                    concrete.Description ??= description;
                }
            }
        }
        else if (type == typeof(JsonElement))
        {
            schema.Description ??= "Any JSON value: for a message's `content`, a string or an array of content parts (only `text` parts are read).";
        }
        else if (type == typeof(TextChunkEvent))
        {
            schema.Description ??= "Payload of the `thought` and `delta` events: text to append.";
        }

        return Task.CompletedTask;
    }
}
