using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ChatRag.Server.Tests.OpenApi;

/// <summary>The example validator refuses what a server would refuse, so the document test can trust a pass.</summary>
public sealed class JsonExampleValidatorTests
{
    private const string Document = """
        {
          "openapi": "3.1.1",
          "info": { "title": "t", "version": "1" },
          "paths": {},
          "components": { "schemas": {
            "Body": {
              "type": "object",
              "required": ["message"],
              "properties": {
                "message": { "type": "string" },
                "mode": { "type": ["null", "string"], "enum": ["hybrid", "dense", null] },
                "top": { "type": "integer" },
                "id": { "type": "string", "format": "uuid" },
                "tags": { "type": "array", "items": { "type": "string" } }
              }
            }
          } }
        }
        """;

    private static readonly IOpenApiSchema Body = OpenApiDocument.Parse(Document, OpenApiConstants.Json).Document!.Components!.Schemas!["Body"];

    [Theory]
    [InlineData("""{ "message": "Why is the sky blue?", "mode": "dense", "top": 5, "id": "7d1f2c7e-0d3b-4a53-9a51-0f3c2b9d8e11", "tags": ["a"] }""")]
    [InlineData("""{ "message": "Why?", "mode": null }""")]
    public void A_valid_example_passes(string json)
    {
        var errors = JsonExampleValidator.Validate(JsonNode.Parse(json), Body, "$");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("""{ "message": null }""", "$.message")]
    [InlineData("""{ "mode": "dense" }""", "required property 'message'")]
    [InlineData("""{ "message": "x", "mode": "fuzzy" }""", "$.mode")]
    [InlineData("""{ "message": "x", "top": 2.5 }""", "$.top")]
    [InlineData("""{ "message": "x", "id": "not-a-guid" }""", "$.id")]
    [InlineData("""{ "message": "x", "tags": [1] }""", "$.tags[0]")]
    [InlineData("""{ "message": "x", "colection": "typo" }""", "'colection'")]
    [InlineData("""["message"]""", "$: is array")]
    public void An_invalid_example_is_reported(string json, string expected) =>
        Assert.Contains(JsonExampleValidator.Validate(JsonNode.Parse(json), Body, "$"), e => e.Contains(expected, StringComparison.Ordinal));
}
