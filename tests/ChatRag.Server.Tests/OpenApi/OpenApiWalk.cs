using Microsoft.OpenApi;

namespace ChatRag.Server.Tests.OpenApi;

/// <summary>The operations of a parsed document and every schema reachable from it, each with a path for messages.</summary>
internal static class OpenApiWalk
{
    public static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        from path in document.Paths
        from operation in path.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()
        select (path.Key, operation.Key, operation.Value);

    /// <summary>Every named schema and every inline schema of parameters, bodies and responses, with their nested schemas.</summary>
    public static IEnumerable<(string Where, IOpenApiSchema Schema)> Schemas(OpenApiDocument document)
    {
        var roots = new List<(string, IOpenApiSchema)>();
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            roots.Add(($"#/components/schemas/{name}", schema));
        }

        foreach (var (path, method, operation) in Operations(document))
        {
            var at = $"{method} {path}";
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter.Schema is { } schema and not OpenApiSchemaReference)
                {
                    roots.Add(($"{at} parameter {parameter.Name}", schema));
                }
            }

            foreach (var (type, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (media.Schema is { } schema and not OpenApiSchemaReference)
                {
                    roots.Add(($"{at} request {type}", schema));
                }
            }

            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                foreach (var (type, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
                {
                    if (media.Schema is { } schema and not OpenApiSchemaReference)
                    {
                        roots.Add(($"{at} {status} {type}", schema));
                    }
                }
            }
        }

        return roots.SelectMany(r => Nested(r.Item1, r.Item2, 0));
    }

    private static IEnumerable<(string Where, IOpenApiSchema Schema)> Nested(string where, IOpenApiSchema schema, int depth)
    {
        // Named schemas are walked once, from the components; a reference is a leaf here.
        if (schema is OpenApiSchemaReference || depth > 16)
        {
            yield break;
        }

        yield return (where, schema);
        var children = (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(p => ($"{where}.{p.Key}", p.Value))
            .Concat((schema.AllOf ?? []).Select((s, i) => ($"{where}/allOf/{i}", s)))
            .Concat((schema.OneOf ?? []).Select((s, i) => ($"{where}/oneOf/{i}", s)))
            .Concat((schema.AnyOf ?? []).Select((s, i) => ($"{where}/anyOf/{i}", s)));
        if (schema.Items is { } items)
        {
            children = children.Append(($"{where}[]", items));
        }

        if (schema.AdditionalProperties is { } additional)
        {
            children = children.Append(($"{where}{{}}", additional));
        }

        foreach (var (childWhere, child) in children)
        {
            foreach (var nested in Nested(childWhere, child, depth + 1))
            {
                yield return nested;
            }
        }
    }
}
