using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ChatRag.Server.Tests.OpenApi;

/// <summary>
/// Checks a JSON example against an OpenAPI 3.1 schema as parsed by Microsoft.OpenApi: types (null included), required
/// properties, unknown properties where the schema lists its own, enums and consts, array items, <c>allOf</c> /
/// <c>oneOf</c> / <c>anyOf</c>, <c>additionalProperties</c>, and the <c>uuid</c> and <c>date-time</c> formats. Enough to
/// catch an example that a client copying it would get refused for; not a full JSON Schema implementation.
/// </summary>
internal static class JsonExampleValidator
{
    public static IReadOnlyList<string> Validate(JsonNode? value, IOpenApiSchema schema, string path)
    {
        var errors = new List<string>();
        Check(value, schema, path, errors, depth: 0);
        return errors;
    }

    private static void Check(JsonNode? value, IOpenApiSchema? schema, string path, List<string> errors, int depth)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            if (reference.Target is null)
            {
                errors.Add($"{path}: the schema reference '{reference.Reference.Id}' resolves to nothing");
                return;
            }
        }

        if (schema is null || depth > 32)
        {
            return;
        }

        foreach (var part in schema.AllOf ?? [])
        {
            Check(value, part, path, errors, depth + 1);
        }

        CheckAlternatives(value, schema.OneOf, exactlyOne: true, path, errors, depth);
        CheckAlternatives(value, schema.AnyOf, exactlyOne: false, path, errors, depth);
        if (!CheckType(value, schema, path, errors))
        {
            return;
        }

        if (schema.Const is { } constant && !JsonNode.DeepEquals(value, JsonValue.Create(constant)))
        {
            errors.Add($"{path}: must be the constant '{constant}'");
        }

        if (schema.Enum is { Count: > 0 } allowed && !allowed.Any(a => IsNull(a) ? IsNull(value) : JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: '{value?.ToJsonString()}' is not one of {string.Join(", ", allowed.Select(a => a?.ToJsonString() ?? "null"))}");
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors, depth);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], schema.Items, $"{path}[{i}]", errors, depth + 1);
                }

                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                CheckFormat(scalar.GetValue<string>(), schema.Format, path, errors);
                break;
        }
    }

    private static void CheckAlternatives(JsonNode? value, IList<IOpenApiSchema>? alternatives, bool exactlyOne, string path, List<string> errors, int depth)
    {
        if (alternatives is not { Count: > 0 })
        {
            return;
        }

        var matching = alternatives.Count(a => Validate(value?.DeepClone(), a, path).Count == 0 && depth < 32);
        if (matching == 0 || (exactlyOne && matching > 1))
        {
            errors.Add($"{path}: matches {matching} of the {(exactlyOne ? "oneOf" : "anyOf")} alternatives");
        }
    }

    private static bool CheckType(JsonNode? value, IOpenApiSchema schema, string path, List<string> errors)
    {
        if (schema.Type is not { } type)
        {
            return true;
        }

        var actual = KindOf(value);
        value = IsNull(value) ? null : value;
        var ok = actual switch
        {
            JsonSchemaType.Integer => type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number),
            _ => type.HasFlag(actual),
        };
        if (!ok)
        {
            errors.Add($"{path}: is {actual.ToString().ToLowerInvariant()} but the schema allows {type}");
        }

        return ok;
    }

    // The reader keeps a JSON null in enums and examples as its own sentinel value rather than a C# null.
    private static bool IsNull(JsonNode? value) => value is null || value.GetValueKind() == JsonValueKind.Null || JsonNullSentinel.IsJsonNullSentinel(value);

    private static JsonSchemaType KindOf(JsonNode? value) => value switch
    {
        _ when IsNull(value) => JsonSchemaType.Null,
        JsonObject => JsonSchemaType.Object,
        JsonArray => JsonSchemaType.Array,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => JsonSchemaType.String,
            JsonValueKind.True or JsonValueKind.False => JsonSchemaType.Boolean,
            JsonValueKind.Number when decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) => JsonSchemaType.Integer,
            JsonValueKind.Number => JsonSchemaType.Number,
            _ => JsonSchemaType.Null,
        },
        _ => JsonSchemaType.Null,
    };

    private static void CheckObject(JsonObject obj, IOpenApiSchema schema, string path, List<string> errors, int depth)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add($"{path}: the required property '{name}' is missing");
            }
        }

        var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, child) in obj)
        {
            if (properties.TryGetValue(name, out var propertySchema))
            {
                Check(child, propertySchema, $"{path}.{name}", errors, depth + 1);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(child, additional, $"{path}.{name}", errors, depth + 1);
            }
            else if (properties.Count > 0 || !schema.AdditionalPropertiesAllowed)
            {
                errors.Add($"{path}: '{name}' is not a property of the schema");
            }
        }
    }

    private static void CheckFormat(string text, string? format, string path, List<string> errors)
    {
        var ok = format switch
        {
            "uuid" => Guid.TryParseExact(text, "D", out _),
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && text.Contains('T', StringComparison.Ordinal),
            _ => true,
        };
        if (!ok)
        {
            errors.Add($"{path}: '{text}' is not a valid {format}");
        }
    }
}
