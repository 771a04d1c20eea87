using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace ChatRag.Server.Tests.OpenApi;

/// <summary>
/// The published <c>/openapi/v1.json</c>, read with Microsoft.OpenApi from the real server, must let an integrator build
/// against the API from it alone: every route of the API in it, each operation with a short id, a summary, its success
/// body and the errors it can give, every property described, and examples that a client can send as they are. Routes
/// are taken from the server's own endpoint table, so a route added later without its documentation fails here.
/// </summary>
public sealed partial class OpenApiDocumentTests(OpenApiDocumentTests.DocumentFixture fixture) : IClassFixture<OpenApiDocumentTests.DocumentFixture>
{
    private readonly OpenApiDocument document = fixture.Document;

    [Fact]
    public void The_document_parses_without_errors()
    {
        Assert.Empty(fixture.Errors);
        Assert.NotEmpty(document.Paths);
    }

    [Fact]
    public void Every_api_route_is_documented()
    {
        var missing = fixture.Routes.Where(r => Find(r.Path, r.Method) is null).Select(r => $"{r.Method} {r.Path}");

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_operation_has_a_short_camel_case_id_and_a_short_summary()
    {
        var problems = new List<string>();
        foreach (var (path, method, operation) in OpenApiWalk.Operations(document))
        {
            if (operation.OperationId is not { } id || !OperationId().IsMatch(id))
            {
                problems.Add($"{method} {path}: operation id '{operation.OperationId}' is not a short camelCase identifier");
            }

            if (string.IsNullOrWhiteSpace(operation.Summary) || operation.Summary.Length > 60 || operation.Summary.TrimEnd().EndsWith('.'))
            {
                problems.Add($"{method} {path}: summary '{operation.Summary}' is missing or a sentence (at most 60 characters, no final period; the detail goes in the description)");
            }
        }

        var ids = OpenApiWalk.Operations(document).Select(o => o.Operation.OperationId).ToList();
        problems.AddRange(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => $"operation id '{g.Key}' is used {g.Count()} times"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_operation_documents_its_success_body()
    {
        var problems = new List<string>();
        foreach (var (path, method, operation) in OpenApiWalk.Operations(document))
        {
            var success = (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0)
            {
                problems.Add($"{method} {path}: no 2xx response");
            }

            foreach (var (status, response) in success.Where(r => r.Key != "204"))
            {
                if (response.Content is not { Count: > 0 } content)
                {
                    problems.Add($"{method} {path} {status}: no content");
                    continue;
                }

                problems.AddRange(content.Where(c => c.Value.Schema is null).Select(c => $"{method} {path} {status} {c.Key}: no schema"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_route_documents_the_errors_it_can_give()
    {
        var problems = new List<string>();
        foreach (var route in fixture.Routes)
        {
            if (Find(route.Path, route.Method) is not { } operation)
            {
                continue;
            }

            var at = $"{route.Method} {route.Path}";
            var responses = operation.Responses ?? [];
            var expected = new List<string> { "500" };
            if (route.Secured)
            {
                expected.AddRange(["401", "403"]);
                var schemes = (operation.Security ?? []).SelectMany(r => r.Keys).Select(s => s.Reference.Id).ToHashSet();
                if (!schemes.SetEquals(["ApiKey", "Bearer"]))
                {
                    problems.Add($"{at}: secured, but its security requirements name [{string.Join(", ", schemes)}], not ApiKey and Bearer");
                }
            }

            if (route.RateLimited)
            {
                expected.Add("429");
            }

            if (operation.RequestBody is not null)
            {
                expected.AddRange(["400", "413"]);
            }

            problems.AddRange(expected.Where(s => !responses.ContainsKey(s)).Select(s => $"{at}: does not document {s}"));

            // Errors are problem details on the REST API and OpenAI's error object on the OpenAI-compatible routes.
            var errorSchema = route.Path.StartsWith("/v1/", StringComparison.Ordinal) ? "ErrorResponse" : "ProblemDetails";
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var schemas = (response.Content ?? new Dictionary<string, OpenApiMediaType>()).Values.Select(m => (m.Schema as OpenApiSchemaReference)?.Reference.Id).ToList();
                if (schemas.Count == 0 || schemas.Any(s => s != errorSchema))
                {
                    problems.Add($"{at} {status}: the error body is [{string.Join(", ", schemas)}], not {errorSchema}");
                }

                if (string.IsNullOrWhiteSpace(response.Description) || response.Description.Length < 12)
                {
                    problems.Add($"{at} {status}: the description '{response.Description}' does not say when it happens");
                }
            }
        }

        problems.AddRange(new[] { "ApiKey", "Bearer" }.Where(s => document.Components?.SecuritySchemes?.ContainsKey(s) != true).Select(s => $"no {s} security scheme"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_property_and_parameter_is_described()
    {
        var problems = OpenApiWalk.Schemas(document)
            .SelectMany(s => (s.Schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                .Where(p => string.IsNullOrWhiteSpace(p.Value.Description))
                .Select(p => $"{s.Where}.{p.Key}"))
            .Concat(OpenApiWalk.Operations(document)
                .SelectMany(o => (o.Operation.Parameters ?? []).Where(p => string.IsNullOrWhiteSpace(p.Description)).Select(p => $"{o.Method} {o.Path} parameter {p.Name}")))
            .Distinct()
            .ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} properties or parameters have no description:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Every_json_body_has_an_example_that_validates_against_its_schema()
    {
        var problems = new List<string>();
        foreach (var (path, method, operation) in OpenApiWalk.Operations(document))
        {
            var bodies = (operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => ($"{method} {path} request {c.Key}", c.Key, c.Value, Required: true))
                .Concat((operation.Responses ?? []).Where(r => r.Key.StartsWith('2'))
                    .SelectMany(r => (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => ($"{method} {path} {r.Key} {c.Key}", c.Key, c.Value, Required: true))))
                .Concat((operation.Responses ?? []).Where(r => !r.Key.StartsWith('2'))
                    .SelectMany(r => (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => ($"{method} {path} {r.Key} {c.Key}", c.Key, c.Value, Required: false))));
            foreach (var (at, type, media, required) in bodies)
            {
                if (media.Schema is null || !type.Contains("json", StringComparison.Ordinal))
                {
                    continue;
                }

                var examples = Examples(media).ToList();
                if (examples.Count == 0 && required)
                {
                    problems.Add($"{at}: no example");
                }

                foreach (var (name, value) in examples)
                {
                    problems.AddRange(JsonExampleValidator.Validate(value, media.Schema, $"{at} example {name}"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Named_schema_examples_validate_against_their_schema()
    {
        var problems = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .SelectMany(s => (s.Value.Examples ?? []).SelectMany((e, i) => JsonExampleValidator.Validate(e, s.Value, $"#/components/schemas/{s.Key} example {i}")))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<(string Name, JsonNode? Value)> Examples(OpenApiMediaType media)
    {
        if (media.Example is { } example)
        {
            yield return ("example", example);
        }

        foreach (var (name, value) in media.Examples ?? new Dictionary<string, IOpenApiExample>())
        {
            yield return (name, value.Value);
        }

        if (media.Example is null && media.Examples is not { Count: > 0 })
        {
            foreach (var (fromSchema, i) in (media.Schema?.Examples ?? []).Select((e, i) => (e, i)))
            {
                yield return ($"schema example {i}", fromSchema);
            }
        }
    }

    private OpenApiOperation? Find(string path, string method)
    {
        var item = document.Paths.FirstOrDefault(p => Normalize(p.Key) == Normalize(path)).Value;
        return item?.Operations?.FirstOrDefault(o => string.Equals(o.Key.Method, method, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private static string Normalize(string path) => RouteParameter().Replace(path, "{$1}").TrimEnd('/');

    [GeneratedRegex("^[a-z][a-zA-Z0-9]{2,39}$")]
    private static partial Regex OperationId();

    [GeneratedRegex(@"\{\*?([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
